import { NavLink, Route, Routes } from 'react-router';
import { ResultsView } from './views/ResultsView';
import { ScanView } from './views/ScanView';

export function App() {
  return (
    <>
      <header>
        <h1>intelliprove-widgets · React</h1>
        <nav>
          <NavLink to="/" end>
            Home
          </NavLink>
          <NavLink to="/scan">Scan</NavLink>
          <NavLink to="/results">Results</NavLink>
        </nav>
      </header>
      <main>
        {/* Leaving a route unmounts its elements: their iframes and listeners go with them. */}
        <Routes>
          <Route
            index
            element={
              <p>
                Take a face scan, then look at your results. Each view mounts the kit's elements;
                leaving it removes them again.
              </p>
            }
          />
          <Route path="scan" element={<ScanView />} />
          <Route path="results" element={<ResultsView />} />
        </Routes>
      </main>
    </>
  );
}
