// Importing the kit defines its elements; configure() gives them their page-wide defaults.
import { configure } from 'intelliprove-widgets';

configure({
  tokenEndpoint: '/api/ip-token',
  apiBase: document.querySelector('meta[name="ip-api-base"]').content,
});
