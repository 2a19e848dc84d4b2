// Importing the kit defines <ip-face-scan>, <ip-biomarker-card>, … once for the whole app.
import { configure } from 'intelliprove-widgets';
import { createApp } from 'vue';
import App from './App.vue';
import { apiBase, pluginOrigin } from './origins';
import { router } from './router';

// Page-wide defaults for every element, set before any of them is mounted.
configure({ tokenEndpoint: '/api/ip-token', apiBase, allowedOrigins: pluginOrigin });

createApp(App).use(router).mount('#app');
