/**
 * The sandbox customer's recommendation catalog, in the five user languages, one or two per
 * metric; each shows the picture of its metric (images/<metric>.svg, served by the engine).
 */
import type { Metric } from '../../src/protocol/health.js';

type Text = Record<'en' | 'nl' | 'fr' | 'da' | 'sv', [title: string, description: string]>;

interface Entry {
  lookup_key: string;
  related_metric: Metric;
  text: Text;
}

export const CATALOG: Entry[] = [
  {
    lookup_key: 'mental_stress_1',
    related_metric: 'mental_stress',
    text: {
      en: [
        'Take a breathing break',
        'Three minutes of slow breathing lowers your stress response.',
      ],
      nl: ['Neem een ademhalingspauze', 'Drie minuten rustig ademen verlaagt je stressreactie.'],
      fr: [
        'Faites une pause respiration',
        'Trois minutes de respiration lente réduisent votre stress.',
      ],
      da: ['Tag en åndepause', 'Tre minutters rolig vejrtrækning sænker din stressreaktion.'],
      sv: ['Ta en andningspaus', 'Tre minuter lugn andning sänker din stressreaktion.'],
    },
  },
  {
    lookup_key: 'mental_health_risk_1',
    related_metric: 'mental_health_risk',
    text: {
      en: [
        'Talk to someone you trust',
        'Sharing how you feel with a friend each week keeps worries in proportion.',
      ],
      nl: [
        'Praat met iemand die je vertrouwt',
        'Elke week met een vriend delen hoe je je voelt, houdt zorgen in verhouding.',
      ],
      fr: [
        'Parlez à une personne de confiance',
        'Confier chaque semaine ce que vous ressentez aide à relativiser vos soucis.',
      ],
      da: [
        'Tal med en, du stoler på',
        'At dele, hvordan du har det, med en ven hver uge holder bekymringer i skak.',
      ],
      sv: [
        'Prata med någon du litar på',
        'Att varje vecka berätta för en vän hur du mår håller oron i schack.',
      ],
    },
  },
  {
    lookup_key: 'energy_balance_1',
    related_metric: 'energy_balance',
    text: {
      en: [
        'Get energized with a walk',
        'A 20-minute walk after lunch restores your energy balance.',
      ],
      nl: [
        'Laad op met een wandeling',
        'Een wandeling van 20 minuten na de lunch herstelt je energiebalans.',
      ],
      fr: [
        'Rechargez-vous en marchant',
        'Une marche de 20 minutes après le déjeuner rétablit votre énergie.',
      ],
      da: [
        'Få energi med en gåtur',
        'En gåtur på 20 minutter efter frokost genopretter din energibalance.',
      ],
      sv: [
        'Få energi med en promenad',
        'En promenad på 20 minuter efter lunch återställer din energibalans.',
      ],
    },
  },
  {
    lookup_key: 'sleep_quality_1',
    related_metric: 'sleep_quality',
    text: {
      en: [
        'Keep a steady bedtime',
        'Going to bed at the same time each night improves sleep quality.',
      ],
      nl: [
        'Ga op vaste tijden slapen',
        'Elke avond op hetzelfde uur slapen verbetert je slaapkwaliteit.',
      ],
      fr: [
        'Couchez-vous à heure fixe',
        'Se coucher chaque soir à la même heure améliore le sommeil.',
      ],
      da: [
        'Gå i seng på faste tider',
        'At gå i seng på samme tid hver aften forbedrer søvnkvaliteten.',
      ],
      sv: [
        'Gå och lägg dig i tid',
        'Att gå och lägga sig samma tid varje kväll förbättrar sömnen.',
      ],
    },
  },
  {
    lookup_key: 'sleep_quality_2',
    related_metric: 'sleep_quality',
    text: {
      en: ['Dim the screens at night', 'An hour without screens before bed helps you fall asleep.'],
      nl: [
        "Leg 's avonds je schermen weg",
        'Een uur zonder schermen voor het slapengaan helpt je inslapen.',
      ],
      fr: [
        'Éteignez les écrans le soir',
        'Une heure sans écran avant le coucher aide à s’endormir.',
      ],
      da: [
        'Sluk skærmene om aftenen',
        'En time uden skærme før sengetid hjælper dig med at falde i søvn.',
      ],
      sv: [
        'Släck skärmarna på kvällen',
        'En timme utan skärmar före läggdags hjälper dig att somna.',
      ],
    },
  },
  {
    lookup_key: 'hypertension_1',
    related_metric: 'hypertension',
    text: {
      en: ['Watch your salt', 'Less salt in your meals helps keep blood pressure in range.'],
      nl: [
        'Let op je zoutinname',
        'Minder zout in je maaltijden houdt je bloeddruk binnen de perken.',
      ],
      fr: ['Surveillez le sel', 'Moins de sel dans vos repas aide à maîtriser la tension.'],
      da: ['Hold øje med saltet', 'Mindre salt i maden hjælper med at holde blodtrykket nede.'],
      sv: ['Se upp med saltet', 'Mindre salt i maten hjälper till att hålla blodtrycket nere.'],
    },
  },
  {
    lookup_key: 'general_fitness_1',
    related_metric: 'general_fitness',
    text: {
      en: ['Move a little more', 'Two short cardio sessions a week raise your general fitness.'],
      nl: ['Beweeg wat meer', 'Twee korte cardiosessies per week verbeteren je algemene fitheid.'],
      fr: [
        'Bougez un peu plus',
        'Deux courtes séances de cardio par semaine améliorent votre forme.',
      ],
      da: ['Bevæg dig lidt mere', 'To korte konditionstræninger om ugen forbedrer din form.'],
      sv: ['Rör dig lite mer', 'Två korta konditionspass i veckan förbättrar din kondition.'],
    },
  },
];
