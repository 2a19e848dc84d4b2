import type { Routes } from '@angular/router';
import { Results } from './results/results';
import { Scan } from './scan/scan';

export const routes: Routes = [
  { path: '', pathMatch: 'full', redirectTo: 'scan' },
  { path: 'scan', component: Scan, title: 'Face scan' },
  { path: 'results', component: Results, title: 'Results' },
  { path: '**', redirectTo: 'scan' },
];
