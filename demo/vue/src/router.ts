import { createRouter, createWebHistory } from 'vue-router';
import HomeView from './views/HomeView.vue';
import ResultsView from './views/ResultsView.vue';
import ScanView from './views/ScanView.vue';

declare module 'vue-router' {
  interface RouteMeta {
    /** The view shows the signed-in user's health data: signing out leaves it. */
    personal?: boolean;
  }
}

export const router = createRouter({
  // import.meta.env.BASE_URL is Vite's `base`: '/vue/'.
  history: createWebHistory(import.meta.env.BASE_URL),
  routes: [
    { path: '/', name: 'home', component: HomeView },
    { path: '/scan', name: 'scan', component: ScanView, meta: { personal: true } },
    { path: '/results', name: 'results', component: ResultsView, meta: { personal: true } },
  ],
});
