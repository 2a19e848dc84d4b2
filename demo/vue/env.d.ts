/// <reference types="vite/client" />

// The kit's Vue typings: vue-tsc checks the attributes and @ip-… listeners of <ip-*> elements.
import type {} from 'intelliprove-widgets/vue';
