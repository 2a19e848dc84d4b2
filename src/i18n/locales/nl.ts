import type { Catalog } from './en.js';

export const nl: Catalog = {
  'face-scan.title': 'IntelliProve-gezichtsscan',
  'face-scan.loading': 'Je gezichtsscan wordt voorbereid…',
  'dashboard.title': 'IntelliProve-gezondheidsdashboard',
  'dashboard.loading': 'Je gezondheidsdashboard wordt geladen…',
  // <ip-recommendations>
  'recommendations.label': 'Aanbevelingen',
  'recommendations.empty': 'Nog geen aanbevelingen',
  'recommendations.empty-hint': 'Ze verschijnen na je eerste gezichtsscans.',
  'recommendations.action': 'Meer weten',
  'recommendations.new-tab': '(opent in een nieuw tabblad)',
  retry: 'Opnieuw proberen',
  'error.signed-out': 'Meld je eerst aan en probeer het dan opnieuw.',
  'error.missing-token-endpoint': 'Deze pagina is nog niet ingesteld voor IntelliProve.',
  'error.token-endpoint-failed':
    'Je sessie kon niet worden gestart. Controleer je verbinding en probeer het opnieuw.',
  'error.invalid-response':
    'De pagina kreeg een antwoord dat ze niet kon gebruiken. Probeer het later opnieuw.',
  'error.invalid-url': 'Deze scanlink is niet vertrouwd en werd daarom niet geopend.',
  'error.invalid-attribute': 'Deze widget is niet juist ingesteld.',
  'error.api-error': 'Je resultaten konden niet worden geladen.',
  'error.insecure-context': 'De camera werkt alleen op beveiligde (https-)pagina’s.',
  'error.camera-blocked': 'Deze pagina staat de camera niet toe voor de gezichtsscan.',
  'error.camera-unavailable': 'Deze browser kan geen camera gebruiken.',
  'error.frame-blocked': 'Deze pagina staat niet toe dat de IntelliProve-plug-in wordt geladen.',
  'error.plugin-error': 'De gezichtsscan meldde een probleem.',
  'error.load-failed':
    'De IntelliProve-plug-in is niet geladen. Controleer je verbinding en probeer het opnieuw.',
  'state.loading': 'Laden…',
  'state.no-scan': 'Nog geen gezichtsscan',
  'state.no-scan-hint': 'Doe een gezichtsscan om dit resultaat te zien.',
  'state.not-available': 'Niet beschikbaar',
  'state.not-available-hint': 'Niet gemeten in deze scan, of nog niet ontgrendeld.',
  'state.no-data': 'Nog geen gegevens',
  'state.no-data-hint': 'Dit verschijnt na je eerste gezichtsscans.',
  'state.no-device-data': 'Nog geen gegevens',
  'state.no-device-data-hint': 'Dit verschijnt zodra je toestel gegevens heeft gedeeld.',
  'biomarker.heart_rate': 'Hartslag',
  'biomarker.respiratory_rate': 'Ademhalingsfrequentie',
  'biomarker.heart_rate_variability': 'Hartslagvariabiliteit',
  'biomarker.resonant_breathing_score': 'Resonante ademhaling',
  'biomarker.systolic_blood_pressure': 'Systolische bloeddruk',
  'biomarker.diastolic_blood_pressure': 'Diastolische bloeddruk',
  'biomarker.blood_pressure': 'Bloeddruk',
  'unit.bpm': 'slagen/min',
  'unit.breaths-per-minute': 'ademhalingen/min',
  'unit.mmhg': 'mmHg',
  'unit.score': '/ 100',
  'metric.energy_balance': 'Energiebalans',
  'metric.general_fitness': 'Algemene fitheid',
  'metric.hypertension': 'Hoge bloeddruk',
  'metric.mental_health_risk': 'Risico voor je mentale gezondheid',
  'metric.mental_stress': 'Mentale stress',
  'metric.sleep_quality': 'Slaapkwaliteit',
  'metric.wellbeing_mental': 'Mentaal welzijn',
  'metric.wellbeing_physical': 'Fysiek welzijn',
  'metric.wellbeing_energy_sleep': 'Energie en slaap',
  'zone.below': 'Onder je gemiddelde',
  'zone.around': 'Rond je gemiddelde',
  'zone.above': 'Boven je gemiddelde',
  'gauge.confidence': 'Betrouwbaarheid {value}',
  'gauge.valuetext': '{score} van de 100, {zone}',
  'gauge.valuetext-confidence': '{score} van de 100, {zone}, betrouwbaarheid {confidence}',
  'gauge.scale':
    'De score vergelijkt je met een gezond persoon van dezelfde leeftijd en hetzelfde geslacht: 50 is gemiddeld, en hoger is beter.',
  'unlock.energy_balance':
    'Dit verschijnt na je eerste gezichtsscans; de resultaten worden elke nacht bijgewerkt.',
  'unlock.general_fitness':
    'Dit verschijnt na twee à drie gezichtsscans, zodra je de vragen over je fitheid hebt beantwoord.',
  'unlock.hypertension':
    'Dit verschijnt na je eerste gezichtsscans en de vragen over jezelf; de resultaten worden elke nacht bijgewerkt.',
  'unlock.mental_health_risk':
    'Dit verschijnt na minstens twee gezichtsscans per week, drie weken na elkaar.',
  'unlock.mental_stress': 'Dit verschijnt de dag na je eerste gezichtsscan.',
  'unlock.sleep_quality':
    'Dit verschijnt na minstens twee gezichtsscans vóór 10 uur ’s ochtends binnen één week, meestal na je eerste week.',
  'unlock.wellbeing':
    'Dit verschijnt zodra de scores waarop het steunt hun eerste resultaat hebben, na je eerste gezichtsscans.',
  'meaning.energy_balance':
    'Het evenwicht tussen het deel van je zenuwstelsel dat energie verbruikt en het deel dat je helpt rusten en opladen.',
  'meaning.general_fitness':
    'Je algemene fysieke conditie: uithoudingsvermogen, kracht en lenigheid.',
  'meaning.hypertension':
    'Je risico op een bloeddruk die het komende jaar boven het normale bereik blijft: hoe hoger de score, hoe lager het risico.',
  'meaning.mental_health_risk':
    'Je risico om na verloop van tijd psychische problemen te krijgen: hoe hoger de score, hoe lager het risico.',
  'meaning.mental_stress':
    'Je mentale stressbelasting en hoe goed je ermee omgaat: hoe hoger de score, hoe minder stress.',
  'meaning.sleep_quality': 'Hoe herstellend je slaap is, en dus hoe klaar je bent voor de dag.',
  'meaning.wellbeing_mental': 'Je mentale gezondheidsprofiel in één score.',
  'meaning.wellbeing_physical':
    'Je fysieke gezondheidsprofiel in één score: hoe goed je lichaam en zijn systemen werken.',
  'meaning.wellbeing_energy_sleep': 'Je profiel voor energie en slaap in één score.',
  'basis.energy_balance':
    'Gebaseerd op het ritme van je hartslag tijdens de gezichtsscan (de tijd tussen twee slagen en hoe die varieert), vergeleken met normale waarden voor de bevolking.',
  'basis.general_fitness':
    'Gebaseerd op je hartslag, ademhalingsfrequentie en hartslagvariabiliteit, en je antwoorden op de vragen over je fitheid.',
  'basis.hypertension':
    'Gebaseerd op het signaal van de doorbloeding dat tijdens de scans in je gezicht wordt gemeten, en wat je over jezelf hebt verteld.',
  'basis.mental_health_risk':
    'Gebaseerd op je hartslagvariabiliteit en de micro-expressies van je gezicht, over meerdere weken vergeleken met je eigen basislijn.',
  'basis.mental_stress':
    'Gebaseerd op je hartslagvariabiliteit en de micro-expressies van je gezicht; je recentste gezichtsscans wegen het zwaarst.',
  'basis.sleep_quality':
    'Gebaseerd op je hartslag, hartslagvariabiliteit en stressniveau, wat je over je slaap hebt verteld, en tekenen van vermoeidheid in je gezicht, zoals donkere kringen of gezwollen ogen.',
  'basis.wellbeing_mental':
    'Gebaseerd op de scores en biomarkers van je mentale gezondheidsprofiel, uit je gezichtsscans.',
  'basis.wellbeing_physical':
    'Gebaseerd op de scores en biomarkers van je fysieke gezondheidsprofiel, uit je gezichtsscans.',
  'basis.wellbeing_energy_sleep':
    'Gebaseerd op de scores en biomarkers van je profiel voor energie en slaap, uit je gezichtsscans.',
  'card.measured': 'Gemeten {time}',
  'card.trend': 'Trend van je laatste {count} scans',
  'hint.heart_rate_variability.below': 'Onder het gemiddelde (minder dan 35 ms)',
  'hint.heart_rate_variability.average': 'Gemiddeld (35–100 ms)',
  'hint.heart_rate_variability.excellent': 'Uitstekend (meer dan 100 ms)',
  'hint.respiratory_rate.low': 'Onder het normale bereik in rust (12–20)',
  'hint.respiratory_rate.normal': 'Binnen het normale bereik in rust (12–20)',
  'hint.respiratory_rate.high': 'Boven het normale bereik in rust (12–20)',
  'hint.resonant_breathing_score.none': 'Nog geen resonante ademhaling (0–40)',
  'hint.resonant_breathing_score.partial': 'Deels resonante ademhaling (40–70)',
  'hint.resonant_breathing_score.good': 'Goede resonante ademhaling (meer dan 70)',
  'biomarker.steps': 'Stappen',
  'biomarker.sleep_duration': 'Slaap',
  'biomarker.heart_rate_resting': 'Rusthartslag',
  'biomarker.heart_rate_variability_sdnn': 'Hartslagvariabiliteit',
  'biomarker.oxygen_saturation': 'Bloedzuurstof',
  'biomarker.vo2_max': 'VO2 max',
  'biomarker.weight': 'Gewicht',
  'biomarker.height': 'Lengte',
  'biomarker.body_mass_index': 'BMI',
  'biomarker.body_fat': 'Vetpercentage',
  'biomarker.active_energy_burned': 'Actieve energie',
  'biomarker.distance': 'Afstand',
  'biomarker.body_temperature': 'Lichaamstemperatuur',
  'metric.activity': 'Activiteit',
  'metric.sleep': 'Slaap',
  'metric.readiness': 'Dagvorm',
  'metric.wellbeing': 'Welzijn',
  'metric.mental_wellbeing': 'Mentaal welzijn',
  'level.minimal': 'Minimaal',
  'level.low': 'Laag',
  'level.medium': 'Gemiddeld',
  'level.high': 'Hoog',
  'gauge.factors': 'Gebaseerd op',
  'card.day': 'Op {date}',
};
