import {
  type ApplicationConfig,
  provideAppInitializer,
  provideBrowserGlobalErrorListeners,
} from '@angular/core';
import { provideRouter } from '@angular/router';
import { routes } from './app.routes';
import { configureKit } from './kit';

// Zoneless change detection is Angular 21's default: no zone.js, signals drive the views.
export const appConfig: ApplicationConfig = {
  providers: [
    provideBrowserGlobalErrorListeners(),
    provideAppInitializer(configureKit),
    provideRouter(routes),
  ],
};
