/**
 * What the script-tag loader needs of the kit once the code is here: the page-wide defaults,
 * the elements' registration, and the token requests it started early. A chunk of its own, so
 * that the loader (a classic script) imports nothing.
 */
export { configure } from '../core/config.js';
export { define } from '../core/define.js';
export { handOver } from '../core/handover.js';
