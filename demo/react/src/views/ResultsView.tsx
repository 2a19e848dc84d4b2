import type { IpEvent, Language, UnitSystem } from 'intelliprove-widgets';
import { useState } from 'react';
import { sahhaBase } from '../origins';

const biomarkers = {
  heart_rate: 'Heart rate',
  respiratory_rate: 'Respiratory rate',
  heart_rate_variability: 'Heart rate variability',
  blood_pressure: 'Blood pressure',
};
type Biomarker = keyof typeof biomarkers;

const languages: Record<Language, string> = {
  en: 'English',
  nl: 'Nederlands',
  fr: 'Français',
  da: 'Dansk',
  sv: 'Svenska',
};

const unitSystems: Record<UnitSystem, string> = { metric: 'Metric', imperial: 'Imperial' };

/** One of the form's selects: a state and its setter, with a label for each value. */
function choice<T extends string>(
  name: string,
  label: string,
  options: Record<T, string>,
  value: T,
  set: (value: T) => void,
) {
  return { name, label, options, value, set: (picked: string) => set(picked as T) };
}

export function ResultsView() {
  const [biomarker, setBiomarker] = useState<Biomarker>('heart_rate');
  const [lang, setLang] = useState<Language>('en');
  const [unit, setUnit] = useState<UnitSystem>('metric');
  const [loads, setLoads] = useState(0);
  const [errorCode, setErrorCode] = useState<string | null>(null);

  const onLoad = () => setLoads((n) => n + 1);
  const onError = (event: IpEvent<'ip-error'>) => setErrorCode(event.detail.code);
  const choices = [
    choice('biomarker', 'Biomarker', biomarkers, biomarker, setBiomarker),
    choice('lang', 'Language', languages, lang, setLang),
    choice('unit', 'Units', unitSystems, unit, setUnit),
  ];

  return (
    <>
      <h2>Results</h2>
      <form className="settings" onSubmit={(event) => event.preventDefault()}>
        {choices.map(({ name, label, options, value, set }) => (
          <label key={name}>
            {label}{' '}
            <select name={name} value={value} onChange={(event) => set(event.target.value)}>
              {Object.entries<string>(options).map(([option, text]) => (
                <option key={option} value={option}>
                  {text}
                </option>
              ))}
            </select>
          </label>
        ))}
      </form>

      <p data-testid="load-count">ip-load events: {loads}</p>
      {errorCode && (
        <p data-testid="results-error" role="alert">
          Error: {errorCode}
        </p>
      )}

      <div className="grid">
        {/* Attributes as in HTML (kebab-case); events as `on` + the event name. */}
        <ip-biomarker-card
          biomarker={biomarker}
          lang={lang}
          onip-load={onLoad}
          onip-error={onError}
        />
        <ip-metric-gauge
          metric="mental_stress"
          lang={lang}
          onip-load={onLoad}
          onip-error={onError}
        />
        {/* A second provider: Sahha, with its own token endpoint and API. */}
        <ip-biomarker-card
          provider="sahha"
          token-endpoint="/api/sahha-token"
          api-base={sahhaBase}
          biomarker="weight"
          lang={lang}
          unit-system={unit}
          onip-load={onLoad}
          onip-error={onError}
        />
      </div>
      {/* IntelliProve's advice for this user, weakest metric first. */}
      <ip-recommendations limit={3} lang={lang} onip-load={onLoad} onip-error={onError} />
    </>
  );
}
