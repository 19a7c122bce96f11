import { joinList, type Phrases } from './phrases.js';

export const spanish: Phrases = {
  opening: {
    strict: 'Directo al grano.',
    supportive: 'Muy buena pregunta: se nota que piensas en tu entrenamiento.',
    friendly: '¡Hola, buena pregunta!',
  },
  closing: {
    strict: 'Ejecútalo y registra los resultados.',
    supportive: 'Estás construyendo algo bueno; sigue así y cuéntame cómo te sientes.',
    friendly: '¡Cuéntame cómo te va, compañero!',
  },
  topicAnalysis: {
    start:
      'La aceleración es un problema de fuerza horizontal: inclinación hacia delante, tibias bajas y apoyos detrás del centro de masas durante los primeros 20–30 m.',
    max_velocity:
      'La velocidad máxima se entrena corriendo a velocidad máxima: sprints lanzados con 20–30 m de aproximación y 10–30 m cronometrados, con recuperación completa.',
    speed_endurance:
      'La resistencia a la velocidad (esfuerzos de 7–15 s, hasta unos 150 m) enseña a mantener la técnica con fatiga; la resistencia especial (15–40 s) la amplía para las pruebas largas.',
    long_sprints:
      'Los 200 m y 400 m se deciden por lo poco que frenas: resistencia especial (150–300 m cerca del ritmo de carrera con descansos largos) sobre una buena base de velocidad.',
    injury:
      'El dolor cambia tu forma de correr, y esprintar con dolor convierte un problema pequeño en una baja larga.',
    sleep_recovery:
      'La adaptación ocurre en la recuperación: dormir menos de 7 horas es una señal de alerta, y los días intensos necesitan unas 48 horas entre ellos.',
    mental:
      'Los nervios antes de competir son activación normal; la habilidad está en dirigirla: una rutina fija, claves de proceso y visualización ensayada.',
    masters:
      'Los velocistas máster conservan la velocidad manteniendo alta la intensidad, bajando el volumen y alargando la recuperación entre días rápidos.',
    race_prep:
      'Preparar una competición es llegar fresco y afilado: baja el volumen, se mantiene la intensidad y se ensaya la rutina.',
  },
  topicRecommendation: {
    start:
      'Haz 4–6 salidas de 10–20 m desde tacos o agachado, y 3 × 15 m de trineo que no te frene más de un 10 %. Una sola clave: «empuja el suelo».',
    max_velocity:
      'Corre 3–4 × 20 m lanzados (25 m de aproximación), como máximo 150–300 m de zona rápida, y para cuando los tiempos caigan más de un 3 %.',
    speed_endurance:
      'Prueba 2 series de 3 × 80–120 m al 95 % con recuperación completa, después de un día suave y nunca el día antes de velocidad máxima.',
    long_sprints:
      'Para 200/400 m: una vez por semana 2 × 300 m al 98–100 % con 20 minutos de descanso (o 4 × 300 m al 90 % con 7–10 minutos), y tempo (10 × 100 m al 70 %) en días suaves.',
    injury:
      'Deja de correr rápido con la zona dolorida, mantén el trabajo sin dolor (tren superior, bici suave) y vuelve solo con un plan progresivo.',
    sleep_recovery:
      'Busca 8 horas en la cama con hora fija de despertar; el día después de una sesión dura, tempo o descanso, y movilidad suave en lugar de más intensidad.',
    mental:
      'Escribe una rutina precompetitiva de 10 minutos y ensáyala en los entrenamientos; elige una clave de proceso para cada fase de la carrera.',
    masters:
      'Mantén 2 sesiones rápidas por semana con al menos 72 horas entre ellas, añade 2 sesiones cortas de fuerza y calienta más (15–20 minutos).',
    race_prep:
      'En la semana de competición reduce el volumen un 40–60 % manteniendo algunos esfuerzos cortos a ritmo de carrera; duerme, come lo conocido y ensaya el calentamiento.',
  },
  general: {
    analysis:
      'El rendimiento en velocidad depende de la velocidad, de la capacidad de mantenerla y de recuperar bien entre días duros.',
    recommendation:
      'Organiza la semana alto–bajo: aceleración el lunes, tempo el martes, lanzados el miércoles, tempo el jueves y resistencia a la velocidad el viernes.',
  },
  profile: (events) => `Tu especialidad: ${events}.`,
  best: (event, seconds) => `Tu mejor marca en ${event} es ${seconds.toFixed(2)} s.`,
  estimates: (sixty, twoHundred) =>
    `Un 100 m como el tuyo equivale a unos ${sixty.toFixed(2)} s en 60 m (manual) y ${twoHundred.toFixed(2)} s en 200 m.`,
  askContext:
    'Para afinar el consejo, dime tu prueba, tus mejores marcas, tu fase de entrenamiento y tu semana tipo.',
  askProfession:
    '¿A qué te dedicas? El entrenamiento tiene que encajar con el trabajo y la recuperación.',
  askSleep: '¿Cuántas horas duermes de media?',
  moodRecovery:
    'Dices que estás cansado o con agujetas, así que hoy toca priorizar la recuperación.',
  moodPush: 'Estás motivado, así que hoy puedes apretar un poco más, siempre con calidad.',
  poorSleep: 'Estás durmiendo poco: baja la intensidad y el volumen hasta recuperarte.',
  injuryCaution:
    'Con una lesión de por medio, máxima prudencia: nada de esfuerzos máximos con dolor.',
  medical: (injuries) =>
    `Consulta a un profesional sanitario (médico o fisioterapeuta) por tu lesión de ${injuries} antes de volver a esprintar a tope.`,
  injuryNames: {
    hamstring: 'isquiotibiales',
    achilles: 'tendón de Aquiles',
    shin_splints: 'periostitis tibial',
    plantar_fasciitis: 'fascitis plantar',
    hip_flexor: 'flexor de cadera',
  },
  masters: (age) =>
    `Con ${age} años eres atleta máster: deja más recuperación entre días rápidos y mantén la fuerza todas las semanas.`,
  sleepFigures: (hours) => `Tu reloj indica unas ${hours} horas de sueño últimamente.`,
  loadFigures: (sessions, acwr, zone) =>
    `Registraste ${sessions} sesiones en los últimos 7 días` +
    (acwr === null ? '.' : `; tu ratio agudo:crónico es ${acwr} (${zone}).`),
  rest: (metres, minutes) => `Descansa unos ${minutes} minutos tras cada sprint de ${metres} m.`,
  taper: (min, max) => `Semana de competición: ${min}–${max} % menos volumen, misma intensidad.`,
  mentalReading: "Lecturas: «Rebound», «With Winning in Mind» y «The Champion's Mind».",
  list: (items) => joinList(items, 'y'),
};
