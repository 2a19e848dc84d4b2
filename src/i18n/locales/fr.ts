import type { Catalog } from './en.js';

export const fr: Catalog = {
  'face-scan.title': 'Scan du visage IntelliProve',
  'face-scan.loading': 'Préparation de votre scan du visage…',
  'dashboard.title': 'Tableau de bord santé IntelliProve',
  'dashboard.loading': 'Chargement de votre tableau de bord santé…',
  // <ip-recommendations>
  'recommendations.label': 'Recommandations',
  'recommendations.empty': 'Pas encore de recommandations',
  'recommendations.empty-hint': 'Elles s’afficheront après vos premiers scans du visage.',
  'recommendations.action': 'En savoir plus',
  'recommendations.new-tab': '(s’ouvre dans un nouvel onglet)',
  retry: 'Réessayer',
  'error.signed-out': 'Connectez-vous d’abord, puis réessayez.',
  'error.missing-token-endpoint': 'Cette page n’est pas encore configurée pour IntelliProve.',
  'error.token-endpoint-failed':
    'Votre session n’a pas pu démarrer. Vérifiez votre connexion et réessayez.',
  'error.invalid-response': 'La page a reçu une réponse inutilisable. Réessayez plus tard.',
  'error.invalid-url': 'Ce lien de scan n’est pas fiable : il n’a pas été ouvert.',
  'error.invalid-attribute': 'Ce widget n’est pas configuré correctement.',
  'error.api-error': 'Vos résultats n’ont pas pu être chargés.',
  'error.insecure-context': 'La caméra ne fonctionne que sur les pages sécurisées (https).',
  'error.camera-blocked': 'Cette page n’autorise pas la caméra pour le scan du visage.',
  'error.camera-unavailable': 'Ce navigateur ne peut pas utiliser de caméra.',
  'error.frame-blocked': 'Cette page n’autorise pas le chargement du module IntelliProve.',
  'error.plugin-error': 'Le scan du visage a signalé un problème.',
  'error.load-failed':
    'Le module IntelliProve ne s’est pas chargé. Vérifiez votre connexion et réessayez.',
  'state.loading': 'Chargement…',
  'state.no-scan': 'Pas encore de scan du visage',
  'state.no-scan-hint': 'Faites un scan du visage pour voir ce résultat.',
  'state.not-available': 'Non disponible',
  'state.not-available-hint': 'Non mesuré lors de ce scan, ou pas encore débloqué.',
  'state.no-data': 'Pas encore de données',
  'state.no-data-hint': 'S’affichera après vos premiers scans du visage.',
  'state.no-device-data': 'Pas encore de données',
  'state.no-device-data-hint': 'S’affichera dès que votre appareil aura partagé des données.',
  'biomarker.heart_rate': 'Fréquence cardiaque',
  'biomarker.respiratory_rate': 'Fréquence respiratoire',
  'biomarker.heart_rate_variability': 'Variabilité de la fréquence cardiaque',
  'biomarker.resonant_breathing_score': 'Respiration résonante',
  'biomarker.systolic_blood_pressure': 'Tension artérielle systolique',
  'biomarker.diastolic_blood_pressure': 'Tension artérielle diastolique',
  'biomarker.blood_pressure': 'Tension artérielle',
  'unit.bpm': 'bpm',
  'unit.breaths-per-minute': 'resp./min',
  'unit.mmhg': 'mmHg',
  'unit.score': '/ 100',
  'metric.energy_balance': 'Équilibre énergétique',
  'metric.general_fitness': 'Forme physique générale',
  'metric.hypertension': 'Hypertension',
  'metric.mental_health_risk': 'Risque pour la santé mentale',
  'metric.mental_stress': 'Stress mental',
  'metric.sleep_quality': 'Qualité du sommeil',
  'metric.wellbeing_mental': 'Bien-être mental',
  'metric.wellbeing_physical': 'Bien-être physique',
  'metric.wellbeing_energy_sleep': 'Énergie et sommeil',
  'zone.below': 'En dessous de votre moyenne',
  'zone.around': 'Proche de votre moyenne',
  'zone.above': 'Au-dessus de votre moyenne',
  'gauge.confidence': 'Fiabilité {value}',
  'gauge.valuetext': '{score} sur 100, {zone}',
  'gauge.valuetext-confidence': '{score} sur 100, {zone}, fiabilité {confidence}',
  'gauge.scale':
    'Le score vous compare à une personne en bonne santé du même âge et du même sexe : 50 correspond à la moyenne, et plus il est élevé, mieux c’est.',
  'unlock.energy_balance':
    'S’affichera après vos premiers scans du visage ; les résultats sont mis à jour chaque nuit.',
  'unlock.general_fitness':
    'S’affichera après deux ou trois scans du visage, une fois que vous aurez répondu aux questions sur votre forme physique.',
  'unlock.hypertension':
    'S’affichera après vos premiers scans du visage et les questions vous concernant ; les résultats sont mis à jour chaque nuit.',
  'unlock.mental_health_risk':
    'S’affichera après au moins deux scans du visage par semaine pendant trois semaines consécutives.',
  'unlock.mental_stress': 'S’affichera le lendemain de votre premier scan du visage.',
  'unlock.sleep_quality':
    'S’affichera après au moins deux scans du visage avant 10 h au cours d’une même semaine, en général après votre première semaine.',
  'unlock.wellbeing':
    'S’affichera dès que les indicateurs sur lesquels repose ce score auront un premier résultat, après vos premiers scans du visage.',
  'meaning.energy_balance':
    'L’équilibre entre la partie de votre système nerveux qui dépense de l’énergie et celle qui vous aide à vous reposer et à recharger vos batteries.',
  'meaning.general_fitness': 'Votre condition physique générale : endurance, force et souplesse.',
  'meaning.hypertension':
    'Votre risque d’avoir une tension artérielle qui reste au-dessus de la normale dans l’année à venir : plus le score est élevé, plus le risque est faible.',
  'meaning.mental_health_risk':
    'Votre risque de développer un trouble de santé mentale au fil du temps : plus le score est élevé, plus le risque est faible.',
  'meaning.mental_stress':
    'Votre charge de stress mental et votre capacité à y faire face : plus le score est élevé, plus le stress est faible.',
  'meaning.sleep_quality':
    'À quel point votre sommeil est réparateur, et donc dans quelle forme vous abordez la journée.',
  'meaning.wellbeing_mental': 'Votre profil de santé mentale en un seul score.',
  'meaning.wellbeing_physical':
    'Votre profil de santé physique en un seul score : le bon fonctionnement de votre corps et de ses systèmes.',
  'meaning.wellbeing_energy_sleep': 'Votre profil énergie et sommeil en un seul score.',
  'basis.energy_balance':
    'Basé sur le rythme de vos battements de cœur pendant le scan du visage (l’intervalle entre deux battements et ses variations), comparé aux valeurs normales de la population.',
  'basis.general_fitness':
    'Basé sur votre fréquence cardiaque, votre fréquence respiratoire et la variabilité de votre fréquence cardiaque, ainsi que sur vos réponses aux questions sur votre forme physique.',
  'basis.hypertension':
    'Basé sur le signal de circulation sanguine mesuré sur votre visage pendant les scans, et sur ce que vous nous avez dit de vous.',
  'basis.mental_health_risk':
    'Basé sur la variabilité de votre fréquence cardiaque et vos micro-expressions faciales, comparées sur plusieurs semaines à votre propre référence.',
  'basis.mental_stress':
    'Basé sur la variabilité de votre fréquence cardiaque et vos micro-expressions faciales ; vos scans du visage les plus récents comptent le plus.',
  'basis.sleep_quality':
    'Basé sur votre fréquence cardiaque, la variabilité de votre fréquence cardiaque et votre niveau de stress, sur ce que vous nous avez dit de votre sommeil, et sur les signes de fatigue de votre visage, comme les cernes ou les yeux gonflés.',
  'basis.wellbeing_mental':
    'Basé sur les indicateurs et les biomarqueurs de votre profil de santé mentale, issus de vos scans du visage.',
  'basis.wellbeing_physical':
    'Basé sur les indicateurs et les biomarqueurs de votre profil de santé physique, issus de vos scans du visage.',
  'basis.wellbeing_energy_sleep':
    'Basé sur les indicateurs et les biomarqueurs de votre profil énergie et sommeil, issus de vos scans du visage.',
  'card.measured': 'Mesuré {time}',
  'card.trend': 'Tendance de vos {count} derniers scans',
  'hint.heart_rate_variability.below': 'Sous la moyenne (moins de 35 ms)',
  'hint.heart_rate_variability.average': 'Dans la moyenne (35–100 ms)',
  'hint.heart_rate_variability.excellent': 'Excellente (plus de 100 ms)',
  'hint.respiratory_rate.low': 'Sous la plage normale au repos (12–20)',
  'hint.respiratory_rate.normal': 'Dans la plage normale au repos (12–20)',
  'hint.respiratory_rate.high': 'Au-dessus de la plage normale au repos (12–20)',
  'hint.resonant_breathing_score.none': 'Pas encore de respiration résonante (0–40)',
  'hint.resonant_breathing_score.partial': 'Respiration en partie résonante (40–70)',
  'hint.resonant_breathing_score.good': 'Bonne respiration résonante (plus de 70)',
  'biomarker.steps': 'Pas',
  'biomarker.sleep_duration': 'Sommeil',
  'biomarker.heart_rate_resting': 'Fréquence cardiaque au repos',
  'biomarker.heart_rate_variability_sdnn': 'Variabilité de la fréquence cardiaque',
  'biomarker.oxygen_saturation': 'Oxygène sanguin',
  'biomarker.vo2_max': 'VO2 max',
  'biomarker.weight': 'Poids',
  'biomarker.height': 'Taille',
  'biomarker.body_mass_index': 'IMC',
  'biomarker.body_fat': 'Masse grasse',
  'biomarker.active_energy_burned': 'Énergie active',
  'biomarker.distance': 'Distance parcourue',
  'biomarker.body_temperature': 'Température corporelle',
  'metric.activity': 'Activité',
  'metric.sleep': 'Sommeil',
  'metric.readiness': 'Forme du jour',
  'metric.wellbeing': 'Bien-être',
  'metric.mental_wellbeing': 'Bien-être mental',
  'level.minimal': 'Minime',
  'level.low': 'Faible',
  'level.medium': 'Moyen',
  'level.high': 'Élevé',
  'gauge.factors': 'Basé sur',
  'card.day': 'Le {date}',
};
