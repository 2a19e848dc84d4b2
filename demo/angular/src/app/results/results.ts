import {
  CUSTOM_ELEMENTS_SCHEMA,
  Component,
  inject,
  signal,
  type Signal,
  type WritableSignal,
} from '@angular/core';
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

/** One of the form's selects: its options and the signal it sets. */
interface Choice {
  name: string;
  label: string;
  options: readonly string[];
  value: Signal<string>;
  /** Sets the signal to the option `value` names (a <select>'s value is a plain string). */
  set(value: string): void;
}

function choice<T extends string>(
  name: string,
  label: string,
  options: readonly T[],
  value: WritableSignal<T>,
): Choice {
  const set = (picked: string) => value.set(options.find((o) => o === picked) ?? options[0]!);
  return { name, label, options, value, set };
}

@Component({
  selector: 'app-results',
  templateUrl: './results.html',
  // Lets the template use the kit's <ip-…> elements and bind their properties and events.
  schemas: [CUSTOM_ELEMENTS_SCHEMA],
})
export class Results {
  protected readonly sahhaBase = inject(SAHHA_BASE);
  protected readonly biomarker = signal<(typeof BIOMARKERS)[number]>('heart_rate');
  protected readonly lang = signal<Language>('en');
  protected readonly unit = signal<UnitSystem>('metric');
  protected readonly choices = [
    choice('biomarker', 'Biomarker', BIOMARKERS, this.biomarker),
    choice('lang', 'Language', LANGUAGES, this.lang),
    choice('unit', 'Units', UNIT_SYSTEMS, this.unit),
  ];
  /** `ip-load` events so far: each element fires one whenever it shows (new) data. */
  protected readonly loads = signal(0);
  protected readonly error = signal<IpErrorDetail | null>(null);

  protected onLoad(): void {
    this.loads.update((n) => n + 1);
  }
  protected onError(event: CustomEvent<IpErrorDetail>): void {
    this.error.set(event.detail);
  }
}
