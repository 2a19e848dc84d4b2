import { createRouter, createWebHistory } from 'vue-router';
import HomeView from './views/HomeView.vue';
import ResultsView from './views/ResultsView.vue';
import ScanView from './views/ScanView.vue';

export const router = createRouter({
  // import.meta.env.BASE_URL is Vite's `base`: '/vue/'.
  history: createWebHistory(import.meta.env.BASE_URL),
  routes: [
    { path: '/', name: 'home', component: HomeView },
    { path: '/scan', name: 'scan', component: ScanView },
    { path: '/results', name: 'results', component: ResultsView },
  ],
});
