// sinon's browser ESM build has the same API as the package's typed entry.
declare module 'sinon/pkg/sinon-esm.js' {
  import sinon from 'sinon';
  export default sinon;
}
