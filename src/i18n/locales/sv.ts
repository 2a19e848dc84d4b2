import type { Catalog } from './en.js';

export const sv: Catalog = {
  'face-scan.title': 'IntelliProve-ansiktsskanning',
  'face-scan.loading': 'Din ansiktsskanning förbereds…',
  'dashboard.title': 'IntelliProve-hälsoöversikt',
  'dashboard.loading': 'Din hälsoöversikt laddas…',
  // <ip-recommendations>
  'recommendations.label': 'Rekommendationer',
  'recommendations.empty': 'Inga rekommendationer än',
  'recommendations.empty-hint': 'De visas efter dina första ansiktsskanningar.',
  'recommendations.action': 'Läs mer',
  'recommendations.new-tab': '(öppnas i en ny flik)',
  retry: 'Försök igen',
  'error.signed-out': 'Logga in först och försök sedan igen.',
  'error.missing-token-endpoint': 'Den här sidan är ännu inte konfigurerad för IntelliProve.',
  'error.token-endpoint-failed':
    'Din session kunde inte startas. Kontrollera anslutningen och försök igen.',
  'error.invalid-response': 'Sidan fick ett svar den inte kunde använda. Försök igen senare.',
  'error.invalid-url': 'Den här skanningslänken är inte betrodd och öppnades därför inte.',
  'error.invalid-attribute': 'Den här widgeten är inte korrekt konfigurerad.',
  'error.api-error': 'Dina resultat kunde inte laddas.',
  'error.insecure-context': 'Kameran fungerar bara på säkra (https-)sidor.',
  'error.camera-blocked': 'Den här sidan tillåter inte kameran för ansiktsskanningen.',
  'error.camera-unavailable': 'Den här webbläsaren kan inte använda en kamera.',
  'error.frame-blocked':
    'Den här sidan tillåter inte att IntelliProve-insticksprogrammet läses in.',
  'error.plugin-error': 'Ansiktsskanningen rapporterade ett problem.',
  'error.load-failed':
    'IntelliProve-insticksprogrammet lästes inte in. Kontrollera anslutningen och försök igen.',
  'state.loading': 'Laddar…',
  'state.no-scan': 'Ingen ansiktsskanning än',
  'state.no-scan-hint': 'Gör en ansiktsskanning för att se det här resultatet.',
  'state.not-available': 'Inte tillgängligt',
  'state.not-available-hint': 'Inte uppmätt i den här skanningen, eller inte upplåst än.',
  'state.no-data': 'Inga data än',
  'state.no-data-hint': 'Det här visas efter dina första ansiktsskanningar.',
  'state.no-device-data': 'Inga data än',
  'state.no-device-data-hint': 'Det här visas när din enhet har delat data.',
  'biomarker.heart_rate': 'Puls',
  'biomarker.respiratory_rate': 'Andningsfrekvens',
  'biomarker.heart_rate_variability': 'Hjärtfrekvensvariabilitet',
  'biomarker.resonant_breathing_score': 'Resonant andning',
  'biomarker.systolic_blood_pressure': 'Systoliskt blodtryck',
  'biomarker.diastolic_blood_pressure': 'Diastoliskt blodtryck',
  'biomarker.blood_pressure': 'Blodtryck',
  'unit.bpm': 'slag/min',
  'unit.breaths-per-minute': 'andetag/min',
  'unit.mmhg': 'mmHg',
  'unit.score': '/ 100',
  'metric.energy_balance': 'Energibalans',
  'metric.general_fitness': 'Allmän kondition',
  'metric.hypertension': 'Högt blodtryck',
  'metric.mental_health_risk': 'Risk för psykisk ohälsa',
  'metric.mental_stress': 'Mental stress',
  'metric.sleep_quality': 'Sömnkvalitet',
  'metric.wellbeing_mental': 'Mentalt välbefinnande',
  'metric.wellbeing_physical': 'Fysiskt välbefinnande',
  'metric.wellbeing_energy_sleep': 'Energi och sömn',
  'zone.below': 'Under ditt genomsnitt',
  'zone.around': 'Runt ditt genomsnitt',
  'zone.above': 'Över ditt genomsnitt',
  'gauge.confidence': 'Tillförlitlighet {value}',
  'gauge.valuetext': '{score} av 100, {zone}',
  'gauge.valuetext-confidence': '{score} av 100, {zone}, tillförlitlighet {confidence}',
  'gauge.scale':
    'Poängen jämför dig med en frisk person i din ålder och av ditt kön: 50 är genomsnittet, och högre är bättre.',
  'unlock.energy_balance':
    'Det här visas efter dina första ansiktsskanningar; resultaten uppdateras varje natt.',
  'unlock.general_fitness':
    'Det här visas efter två eller tre ansiktsskanningar, när du har svarat på frågorna om din kondition.',
  'unlock.hypertension':
    'Det här visas efter dina första ansiktsskanningar och frågorna om dig själv; resultaten uppdateras varje natt.',
  'unlock.mental_health_risk':
    'Det här visas efter minst två ansiktsskanningar i veckan tre veckor i rad.',
  'unlock.mental_stress': 'Det här visas dagen efter din första ansiktsskanning.',
  'unlock.sleep_quality':
    'Det här visas efter minst två ansiktsskanningar före kl. 10 inom en vecka, oftast efter din första vecka.',
  'unlock.wellbeing':
    'Det här visas när måtten det bygger på har fått sina första resultat, efter dina första ansiktsskanningar.',
  'meaning.energy_balance':
    'Balansen mellan den del av ditt nervsystem som förbrukar energi och den del som hjälper dig att vila och ladda om.',
  'meaning.general_fitness': 'Din allmänna fysiska form: uthållighet, styrka och rörlighet.',
  'meaning.hypertension':
    'Din risk för ett blodtryck som ligger kvar över normalintervallet det kommande året: ju högre poäng, desto lägre risk.',
  'meaning.mental_health_risk':
    'Din risk att drabbas av psykisk ohälsa över tid: ju högre poäng, desto lägre risk.',
  'meaning.mental_stress':
    'Din mentala stressbelastning och hur väl du hanterar den: ju högre poäng, desto mindre stress.',
  'meaning.sleep_quality': 'Hur återhämtande din sömn är, och därmed hur redo du är för dagen.',
  'meaning.wellbeing_mental': 'Din mentala hälsoprofil sammanfattad i ett mått.',
  'meaning.wellbeing_physical':
    'Din fysiska hälsoprofil sammanfattad i ett mått: hur väl din kropp och dess system fungerar.',
  'meaning.wellbeing_energy_sleep': 'Din profil för energi och sömn sammanfattad i ett mått.',
  'basis.energy_balance':
    'Baserat på din hjärtrytm under ansiktsskanningen (tiden mellan hjärtslagen och hur den varierar), jämförd med normalvärden för befolkningen.',
  'basis.general_fitness':
    'Baserat på din puls, andningsfrekvens och hjärtfrekvensvariabilitet samt dina svar på frågorna om din kondition.',
  'basis.hypertension':
    'Baserat på blodflödessignalen som mäts i ditt ansikte under skanningarna och det du har berättat om dig själv.',
  'basis.mental_health_risk':
    'Baserat på din hjärtfrekvensvariabilitet och dina mikrouttryck i ansiktet, jämförda under flera veckor med din egen baslinje.',
  'basis.mental_stress':
    'Baserat på din hjärtfrekvensvariabilitet och dina mikrouttryck i ansiktet; dina senaste ansiktsskanningar väger tyngst.',
  'basis.sleep_quality':
    'Baserat på din puls, hjärtfrekvensvariabilitet och stressnivå, det du har berättat om din sömn och tecken på trötthet i ansiktet, som mörka ringar eller svullna ögon.',
  'basis.wellbeing_mental':
    'Baserat på måtten och biomarkörerna i din mentala hälsoprofil, från dina ansiktsskanningar.',
  'basis.wellbeing_physical':
    'Baserat på måtten och biomarkörerna i din fysiska hälsoprofil, från dina ansiktsskanningar.',
  'basis.wellbeing_energy_sleep':
    'Baserat på måtten och biomarkörerna i din profil för energi och sömn, från dina ansiktsskanningar.',
  'card.measured': 'Uppmätt {time}',
  'card.trend': 'Trend för dina senaste {count} skanningar',
  'hint.heart_rate_variability.below': 'Under genomsnittet (under 35 ms)',
  'hint.heart_rate_variability.average': 'Genomsnittlig (35–100 ms)',
  'hint.heart_rate_variability.excellent': 'Utmärkt (över 100 ms)',
  'hint.respiratory_rate.low': 'Under normalintervallet i vila (12–20)',
  'hint.respiratory_rate.normal': 'Inom normalintervallet i vila (12–20)',
  'hint.respiratory_rate.high': 'Över normalintervallet i vila (12–20)',
  'hint.resonant_breathing_score.none': 'Ingen resonant andning än (0–40)',
  'hint.resonant_breathing_score.partial': 'Delvis resonant andning (40–70)',
  'hint.resonant_breathing_score.good': 'Bra resonant andning (över 70)',
  'biomarker.steps': 'Steg',
  'biomarker.sleep_duration': 'Sömn',
  'biomarker.heart_rate_resting': 'Vilopuls',
  'biomarker.heart_rate_variability_sdnn': 'Hjärtfrekvensvariabilitet',
  'biomarker.oxygen_saturation': 'Syremättnad',
  'biomarker.vo2_max': 'VO2 max',
  'biomarker.weight': 'Vikt',
  'biomarker.height': 'Längd',
  'biomarker.body_mass_index': 'BMI',
  'biomarker.body_fat': 'Fettprocent',
  'biomarker.active_energy_burned': 'Aktiv energi',
  'biomarker.distance': 'Distans',
  'biomarker.body_temperature': 'Kroppstemperatur',
  'metric.activity': 'Aktivitet',
  'metric.sleep': 'Sömn',
  'metric.readiness': 'Dagsform',
  'metric.wellbeing': 'Välbefinnande',
  'metric.mental_wellbeing': 'Mentalt välbefinnande',
  'level.minimal': 'Minimal',
  'level.low': 'Låg',
  'level.medium': 'Medel',
  'level.high': 'Hög',
  'gauge.factors': 'Baserat på',
  'card.day': 'Den {date}',
};
