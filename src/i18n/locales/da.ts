import type { Catalog } from './en.js';

export const da: Catalog = {
  'face-scan.title': 'IntelliProve-ansigtsscanning',
  'face-scan.loading': 'Din ansigtsscanning forberedes…',
  'dashboard.title': 'IntelliProve-sundhedsoversigt',
  'dashboard.loading': 'Din sundhedsoversigt indlæses…',
  // <ip-recommendations>
  'recommendations.label': 'Anbefalinger',
  'recommendations.empty': 'Ingen anbefalinger endnu',
  'recommendations.empty-hint': 'De vises efter dine første ansigtsscanninger.',
  'recommendations.action': 'Læs mere',
  'recommendations.new-tab': '(åbner i en ny fane)',
  retry: 'Prøv igen',
  'error.signed-out': 'Log ind først, og prøv så igen.',
  'error.missing-token-endpoint': 'Denne side er endnu ikke sat op til IntelliProve.',
  'error.token-endpoint-failed':
    'Din session kunne ikke startes. Tjek din forbindelse, og prøv igen.',
  'error.invalid-response': 'Siden fik et svar, den ikke kunne bruge. Prøv igen senere.',
  'error.invalid-url': 'Dette scanningslink er ikke betroet og blev derfor ikke åbnet.',
  'error.invalid-attribute': 'Denne widget er ikke sat korrekt op.',
  'error.api-error': 'Dine resultater kunne ikke indlæses.',
  'error.insecure-context': 'Kameraet virker kun på sikre (https-)sider.',
  'error.camera-blocked': 'Denne side tillader ikke kameraet til ansigtsscanningen.',
  'error.camera-unavailable': 'Denne browser kan ikke bruge et kamera.',
  'error.frame-blocked': 'Denne side tillader ikke, at IntelliProve-pluginnet indlæses.',
  'error.plugin-error': 'Ansigtsscanningen meldte et problem.',
  'error.load-failed':
    'IntelliProve-pluginnet blev ikke indlæst. Tjek din forbindelse, og prøv igen.',
  'state.loading': 'Indlæser…',
  'state.no-scan': 'Ingen ansigtsscanning endnu',
  'state.no-scan-hint': 'Lav en ansigtsscanning for at se dette resultat.',
  'state.not-available': 'Ikke tilgængelig',
  'state.not-available-hint': 'Ikke målt i denne scanning, eller ikke låst op endnu.',
  'state.no-data': 'Ingen data endnu',
  'state.no-data-hint': 'Dette vises efter dine første ansigtsscanninger.',
  'state.no-device-data': 'Ingen data endnu',
  'state.no-device-data-hint': 'Dette vises, når din enhed har delt data.',
  'biomarker.heart_rate': 'Puls',
  'biomarker.respiratory_rate': 'Vejrtrækningsfrekvens',
  'biomarker.heart_rate_variability': 'Pulsvariabilitet',
  'biomarker.resonant_breathing_score': 'Resonant vejrtrækning',
  'biomarker.systolic_blood_pressure': 'Systolisk blodtryk',
  'biomarker.diastolic_blood_pressure': 'Diastolisk blodtryk',
  'biomarker.blood_pressure': 'Blodtryk',
  'unit.bpm': 'slag/min',
  'unit.breaths-per-minute': 'vejrtrækninger/min',
  'unit.mmhg': 'mmHg',
  'unit.score': '/ 100',
  'metric.energy_balance': 'Energibalance',
  'metric.general_fitness': 'Generel form',
  'metric.hypertension': 'Forhøjet blodtryk',
  'metric.mental_health_risk': 'Risiko for mental mistrivsel',
  'metric.mental_stress': 'Mental stress',
  'metric.sleep_quality': 'Søvnkvalitet',
  'metric.wellbeing_mental': 'Mental trivsel',
  'metric.wellbeing_physical': 'Fysisk trivsel',
  'metric.wellbeing_energy_sleep': 'Energi og søvn',
  'zone.below': 'Under dit gennemsnit',
  'zone.around': 'Omkring dit gennemsnit',
  'zone.above': 'Over dit gennemsnit',
  'gauge.confidence': 'Pålidelighed {value}',
  'gauge.valuetext': '{score} ud af 100, {zone}',
  'gauge.valuetext-confidence': '{score} ud af 100, {zone}, pålidelighed {confidence}',
  'gauge.scale':
    'Scoren sammenligner dig med en rask person på din alder og af dit køn: 50 er gennemsnittet, og højere er bedre.',
  'unlock.energy_balance':
    'Dette vises efter dine første ansigtsscanninger; resultaterne opdateres hver nat.',
  'unlock.general_fitness':
    'Dette vises efter to eller tre ansigtsscanninger, når du har besvaret spørgsmålene om din form.',
  'unlock.hypertension':
    'Dette vises efter dine første ansigtsscanninger og spørgsmålene om dig selv; resultaterne opdateres hver nat.',
  'unlock.mental_health_risk':
    'Dette vises efter mindst to ansigtsscanninger om ugen i tre uger i træk.',
  'unlock.mental_stress': 'Dette vises dagen efter din første ansigtsscanning.',
  'unlock.sleep_quality':
    'Dette vises efter mindst to ansigtsscanninger før kl. 10 inden for én uge, som regel efter din første uge.',
  'unlock.wellbeing':
    'Dette vises, når de målinger, det bygger på, har deres første resultater, efter dine første ansigtsscanninger.',
  'meaning.energy_balance':
    'Balancen mellem den del af dit nervesystem, der bruger energi, og den del, der hjælper dig med at hvile og lade op.',
  'meaning.general_fitness': 'Din samlede fysiske form: udholdenhed, styrke og smidighed.',
  'meaning.hypertension':
    'Din risiko for et blodtryk, der bliver ved med at ligge over normalområdet det kommende år: jo højere score, jo lavere risiko.',
  'meaning.mental_health_risk':
    'Din risiko for at udvikle mental mistrivsel over tid: jo højere score, jo lavere risiko.',
  'meaning.mental_stress':
    'Din mentale stressbelastning, og hvor godt du håndterer den: jo højere score, jo mindre stress.',
  'meaning.sleep_quality':
    'Hvor godt din søvn får dig til at restituere, og dermed hvor klar du er til dagen.',
  'meaning.wellbeing_mental': 'Din mentale sundhedsprofil samlet i én score.',
  'meaning.wellbeing_physical':
    'Din fysiske sundhedsprofil samlet i én score: hvor godt din krop og dens systemer fungerer.',
  'meaning.wellbeing_energy_sleep': 'Din profil for energi og søvn samlet i én score.',
  'basis.energy_balance':
    'Baseret på din hjerterytme under ansigtsscanningen (tiden mellem hjerteslagene, og hvordan den varierer), sammenlignet med normalværdier for befolkningen.',
  'basis.general_fitness':
    'Baseret på din puls, vejrtrækningsfrekvens og pulsvariabilitet samt dine svar på spørgsmålene om din form.',
  'basis.hypertension':
    'Baseret på det signal fra blodgennemstrømningen, der måles i dit ansigt under scanningerne, og det, du har fortalt om dig selv.',
  'basis.mental_health_risk':
    'Baseret på din pulsvariabilitet og dine mikroudtryk i ansigtet, sammenlignet over flere uger med dit eget udgangspunkt.',
  'basis.mental_stress':
    'Baseret på din pulsvariabilitet og dine mikroudtryk i ansigtet; dine seneste ansigtsscanninger vejer tungest.',
  'basis.sleep_quality':
    'Baseret på din puls, din pulsvariabilitet og dit stressniveau, det, du har fortalt om din søvn, og tegn på træthed i dit ansigt, såsom mørke rande eller hævede øjne.',
  'basis.wellbeing_mental':
    'Baseret på målingerne og biomarkørerne i din mentale sundhedsprofil fra dine ansigtsscanninger.',
  'basis.wellbeing_physical':
    'Baseret på målingerne og biomarkørerne i din fysiske sundhedsprofil fra dine ansigtsscanninger.',
  'basis.wellbeing_energy_sleep':
    'Baseret på målingerne og biomarkørerne i din profil for energi og søvn fra dine ansigtsscanninger.',
  'card.measured': 'Målt {time}',
  'card.trend': 'Udvikling over dine seneste {count} scanninger',
  'hint.heart_rate_variability.below': 'Under gennemsnittet (under 35 ms)',
  'hint.heart_rate_variability.average': 'Gennemsnitlig (35–100 ms)',
  'hint.heart_rate_variability.excellent': 'Fremragende (over 100 ms)',
  'hint.respiratory_rate.low': 'Under normalområdet i hvile (12–20)',
  'hint.respiratory_rate.normal': 'Inden for normalområdet i hvile (12–20)',
  'hint.respiratory_rate.high': 'Over normalområdet i hvile (12–20)',
  'hint.resonant_breathing_score.none': 'Ingen resonant vejrtrækning endnu (0–40)',
  'hint.resonant_breathing_score.partial': 'Delvist resonant vejrtrækning (40–70)',
  'hint.resonant_breathing_score.good': 'God resonant vejrtrækning (over 70)',
  'biomarker.steps': 'Skridt',
  'biomarker.sleep_duration': 'Søvn',
  'biomarker.heart_rate_resting': 'Hvilepuls',
  'biomarker.heart_rate_variability_sdnn': 'Pulsvariabilitet',
  'biomarker.oxygen_saturation': 'Iltmætning',
  'biomarker.vo2_max': 'VO2 max',
  'biomarker.weight': 'Vægt',
  'biomarker.height': 'Højde',
  'biomarker.body_mass_index': 'BMI',
  'biomarker.body_fat': 'Fedtprocent',
  'biomarker.active_energy_burned': 'Aktiv energi',
  'biomarker.distance': 'Afstand',
  'biomarker.body_temperature': 'Kropstemperatur',
  'metric.activity': 'Aktivitet',
  'metric.sleep': 'Søvn',
  'metric.readiness': 'Dagsform',
  'metric.wellbeing': 'Trivsel',
  'metric.mental_wellbeing': 'Mental trivsel',
  'level.minimal': 'Minimal',
  'level.low': 'Lav',
  'level.medium': 'Middel',
  'level.high': 'Høj',
  'gauge.factors': 'Baseret på',
  'card.day': 'Den {date}',
};
