import { CUSTOM_ELEMENTS_SCHEMA, Component, inject, signal } from '@angular/core';
import type { IpErrorDetail, Language, UnitSystem } from 'intelliprove-widgets';
import { SAHHA_BASE } from '../kit';

const BIOMARKERS = [
  'heart_rate',
  'respiratory_rate',
  'heart_rate_variability',
  'blood_pressure',
] as const;
const LANGUAGES: readonly Language[] = ['en', 'nl', 'fr', 'da', 'sv'];
const UNIT_SYSTEMS: readonly UnitSystem[] = ['metric', 'imperial'];

/** The option of `options` that `value` names (a <select>'s value is a plain string). */
function pick<T extends string>(options: readonly T[], value: string): T {
  return options.find((option) => option === value) ?? options[0]!;
}

@Component({
  selector: 'app-results',
  templateUrl: './results.html',
  // Lets the template use the kit's <ip-…> elements and bind their properties and events.
  schemas: [CUSTOM_ELEMENTS_SCHEMA],
})
export class Results {
  protected readonly sahhaBase = inject(SAHHA_BASE);
  protected readonly biomarkers = BIOMARKERS;
  protected readonly languages = LANGUAGES;
  protected readonly unitSystems = UNIT_SYSTEMS;

  protected readonly biomarker = signal<(typeof BIOMARKERS)[number]>('heart_rate');
  protected readonly lang = signal<Language>('en');
  protected readonly unit = signal<UnitSystem>('metric');
  /** `ip-load` events so far: each element fires one whenever it shows (new) data. */
  protected readonly loads = signal(0);
  protected readonly error = signal<IpErrorDetail | null>(null);

  protected setBiomarker(value: string): void {
    this.biomarker.set(pick(BIOMARKERS, value));
  }
  protected setLang(value: string): void {
    this.lang.set(pick(LANGUAGES, value));
  }
  protected setUnit(value: string): void {
    this.unit.set(pick(UNIT_SYSTEMS, value));
  }

  protected onLoad(): void {
    this.loads.update((n) => n + 1);
  }
  protected onError(event: CustomEvent<IpErrorDetail>): void {
    this.error.set(event.detail);
  }
}
