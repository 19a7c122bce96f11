import { joinList, type Phrases } from './phrases.js';

export const spanish: Phrases = {
  intents: {
    warm_up: {
      analysis:
        'El calentamiento de velocidad sube la temperatura y ensaya los movimientos que vas a esprintar, cada vez más específico y más rápido.',
      recommendation:
        'Dedica 20–30 minutos: 5–10 minutos de trote suave o skipping, movilidad dinámica (balanceos de pierna, zancadas, aperturas de cadera), técnica de carrera (marcha A, skipping A, dribbles), luego 3–4 progresivos de 30–60 m hasta un 90 % y 2–3 aceleraciones desde la posición de salida de tu sesión. Empieza la parte principal en los 5–10 minutos siguientes.',
    },
    acceleration: {
      analysis:
        'La aceleración es un problema de fuerza horizontal: inclinación hacia delante, tibias bajas y apoyos detrás del centro de masas durante los primeros 20–30 m, con la postura subiendo a medida que ganas velocidad.',
      recommendation:
        'Haz 4–6 × 10–30 m de salidas de tacos o agachado a tope, descansando alrededor de 1 minuto por cada 10 m (2–3 minutos tras 20–30 m), más 3 × 15–20 m de arrastre de trineo que no te frene más de un 10 %. Una sola consigna: «empuja el suelo hacia atrás». Ponlo al principio de la sesión, cuando estás fresco.',
    },
    max_velocity: {
      analysis:
        'La velocidad máxima se entrena corriendo a ella: lanzados con 20–30 m de carrerilla y una zona cronometrada de 10–30 m, con recuperación completa, porque la calidad cae rápido con la fatiga.',
      recommendation:
        'Corre 3–5 × 20–30 m lanzados tras 25–30 m de carrerilla, como mucho 150–300 m de zona lanzada, descansando alrededor de 1 minuto por cada 10 m, y para cuando los tiempos caigan más de un 3 % respecto a tu mejor repetición. Deja al menos 48 horas hasta otra sesión rápida.',
    },
    speed_endurance: {
      analysis:
        'La resistencia a la velocidad (esfuerzos de unos 7–15 s, hasta unos 150 m) te enseña a mantener la técnica con fatiga, justo donde los demás frenan.',
      recommendation:
        'Prueba 2 series de 3 × 80–120 m al 95 % con 3–5 minutos entre repeticiones y 8–10 minutos entre series: unos 600–900 m en total para un velocista avanzado, menos si llevas poco tiempo. Colócalo tras un día suave, nunca el día antes de una sesión de velocidad máxima ni a menos de 5 días de una competición.',
    },
    special_endurance: {
      analysis:
        'La resistencia especial (esfuerzos de unos 15–40 s, y de 40 s a 2 minutos en la resistencia especial II) desarrolla la capacidad de mantener la velocidad en 200–400 m; es el trabajo más exigente de la semana.',
      recommendation:
        'Una vez por semana como mucho: por ejemplo 2 × 300 m al 98–100 % con 20 minutos de descanso, o 4 × 300 m al 90 % con 7–10 minutos; para 200 m, repeticiones de 150–250 m. Deja la última sesión así 5–7 días antes de la competición y al día siguiente entrena suave.',
    },
    rest_intervals: {
      analysis:
        'El descanso decide qué entrena la sesión: la velocidad y la resistencia a la velocidad necesitan una recuperación casi completa para que cada repetición sea rápida; con descansos cortos se convierte en trabajo de acondicionamiento.',
      recommendation:
        'Como guía: sprints de 10–30 m, 1–3 minutos; 40–60 m, 4–6 minutos; 80–150 m al 95 %, 5–10 minutos (hasta 1 minuto por cada 10 m si van a tope); 300 m, 7–10 minutos al 90 % o unos 20 minutos al 98–100 %; tempo al 70 %, 30 s–2 minutos. Añade unos minutos entre series y para cuando los tiempos caigan más de un 3 %.',
    },
    tempo: {
      analysis:
        'El tempo al 60–79 % (extensivo) desarrolla capacidad de trabajo y ayuda a recuperar entre días rápidos; el tempo intensivo al 80–89 % es más duro y cuenta como día medio.',
      recommendation:
        'Tempo extensivo: por ejemplo 10–16 × 100 m a un 70 % con 30–60 s caminando entre repeticiones, 1 400–2 500 m en total, en hierba si puedes, al día siguiente de la velocidad. Tempo intensivo: 800–1 800 m al 80–89 % con 2–3 minutos entre repeticiones, como mucho una vez por semana.',
    },
    strength: {
      analysis:
        'La fuerza te hace más rápido porque aumenta la fuerza que aplicas al suelo; se prescribe en series × repeticiones con una carga, no como la carrera.',
      recommendation:
        'Dos o tres sesiones por semana: sentadilla o peso muerto con barra hexagonal, 3–5 series de 3–5 repeticiones al 75–85 % de 1RM (RPE 7–8), peso muerto rumano 3 series de 6–8, sentadilla búlgara 3 series de 6 por pierna y curl nórdico 2–3 series de 4–6. Levanta después de esprintar o en otro día, nunca antes de una sesión rápida, y reduce el volumen a la mitad en la semana de competición.',
    },
    plyometrics: {
      analysis:
        'La pliometría entrena apoyos rápidos y rígidos, la cualidad que necesitas a velocidad máxima; se dosifica por número de apoyos.',
      recommendation:
        'Empieza con 60–100 apoyos por sesión (120–200 si eres avanzado): pogos, skipping en altura, 3–4 × 20–30 m de multisaltos y saltos de vallas, y añade saltos en profundidad bajos solo cuando domines lo anterior. Hazla fresco tras el calentamiento, en superficie blanda, 1–2 veces por semana y nunca el día antes de competir.',
    },
    race_day: {
      analysis:
        'El día de la competición el objetivo es llegar a la salida caliente, afilado y tranquilo; el trabajo ya está hecho.',
      recommendation:
        'Come algo conocido 3–4 horas antes; llega con tiempo para un calentamiento de 40–60 minutos que termine 15–20 minutos antes de la cámara de llamadas (trote, movilidad, técnica, 3–4 progresivos, 2–3 salidas); entre series y final mantente caliente y sentado, y repite un calentamiento corto. Usa tu rutina previa y una consigna de proceso.',
    },
    pre_race_day: {
      analysis:
        'El día antes de competir sirve para estar fresco y afilado: nada que fatigue y nada nuevo.',
      recommendation:
        'Sesión corta de 30–40 minutos: calentamiento suave, técnica, 3–4 progresivos relajados y 2–3 aceleraciones cortas de 10–20 m, o descanso si es tu rutina. Deja fuera la resistencia a la velocidad, la resistencia especial y las pesas. Prepara la bolsa, revisa el horario, come lo de siempre y acuéstate a tu hora.',
    },
    taper: {
      analysis:
        'La puesta a punto deja que baje la fatiga mientras se mantiene la forma: baja el volumen, se mantienen la intensidad y la frecuencia.',
      recommendation:
        'En los últimos 7–14 días reduce el volumen un 40–60 % manteniendo algunos esfuerzos cortos a ritmo de competición; haz la última sesión de resistencia a la velocidad o resistencia especial 5–7 días antes; en las últimas 48 horas solo aceleraciones cortas, progresivos o descanso; duerme bien, come lo de siempre y ensaya tu calentamiento.',
    },
    sleep: {
      analysis:
        'La adaptación ocurre mientras duermes: menos de 7 horas por noche es una señal de alarma para un velocista, y 8–10 horas en la cama ayudan a recuperar y a correr rápido.',
      recommendation:
        'Mantén una hora fija para levantarte y busca 8–9 horas en la cama; habitación oscura y fresca, sin pantallas los últimos 30–60 minutos, cafeína solo antes de primera hora de la tarde, y una siesta de 20–30 minutos tras entrenar si la noche fue corta. Tras una mala noche, baja la intensidad de la siguiente sesión.',
    },
    recovery: {
      analysis:
        'En la recuperación el entrenamiento se convierte en velocidad: los días duros necesitan unas 48 horas entre ellos y los días intermedios son suaves.',
      recommendation:
        'El día después de una sesión dura, tempo o descanso; duerme 8–9 horas, come hidratos y proteína en las dos horas siguientes al entrenamiento, elige movilidad suave o un paseo en vez de más intensidad y planifica una semana más ligera cada 3–4 semanas (un 30–50 % menos de volumen). Si las agujetas duran más de 2–3 días, el volumen fue excesivo.',
    },
    youth: {
      analysis:
        'Los velocistas jóvenes progresan mejor con variedad, técnica y diversión: la velocidad se entrena a cualquier edad, pero las cargas máximas y los volúmenes altos llegan después.',
      recommendation:
        'Sprints cortos (10–40 m) con recuperación completa, juegos, relevos, saltos y lanzamientos para variar, técnica con ejercicios, fuerza con el propio peso y buena técnica antes de las cargas pesadas, 3–4 sesiones estructuradas por semana con otros deportes, y menos carga durante los estirones.',
    },
    masters: {
      analysis:
        'Los velocistas máster conservan la velocidad más tiempo si mantienen la intensidad alta, bajan el volumen y alargan la recuperación entre días rápidos; tendones y gemelos necesitan más preparación.',
      recommendation:
        'Mantén 2 sesiones rápidas por semana con al menos 72 horas entre ellas, 2 sesiones cortas de fuerza (pesadas pero con poco volumen), un calentamiento más largo de 15–20 minutos, trabajo de gemelo y Aquiles, y un día suave tras cada día duro. Las categorías de World Masters Athletics empiezan a los 35.',
    },
    mental: {
      analysis:
        'Los nervios antes de competir son activación normal; la habilidad está en dirigirla con una rutina previa fija, consignas de proceso y visualización ensayada.',
      recommendation:
        'Escribe una rutina previa de 10 minutos y ensáyala en los entrenamientos; elige una consigna para cada fase de la carrera (por ejemplo «empuja», «alto», «suelto»); respira despacio en la cámara de llamadas (4 s inspirando, 6 s espirando); analiza las carreras por lo que controlaste, no por el resultado.',
    },
    general: {
      analysis:
        'El rendimiento en velocidad depende de la velocidad, de la capacidad de mantenerla y de recuperar bien entre días duros.',
      recommendation:
        'Organiza la semana alto–bajo: aceleración el lunes, tempo el martes, lanzados el miércoles, tempo el jueves y resistencia a la velocidad (resistencia especial para 200/400 m) el viernes, con el fin de semana libre u opcional. Dime qué parte quieres trabajar (salidas, velocidad máxima, resistencia a la velocidad, fuerza o competición) y te concreto.',
    },
    off_topic: {
      analysis:
        'Eso queda fuera de lo que entreno: soy entrenador de velocidad, así que puedo ayudarte con el entrenamiento de sprint, la competición, la recuperación y la parte mental.',
      recommendation:
        'Pregúntame por salidas y aceleración, velocidad máxima, resistencia a la velocidad o especial, descansos entre repeticiones, tempo, fuerza, pliometría, día de competición y puesta a punto, sueño y recuperación, o entrenamiento para máster o jóvenes.',
    },
  },
  closing: {
    strict: 'Apunta la sesión y los tiempos.',
    supportive: 'Cuéntame qué tal va y lo ajustamos juntos.',
    friendly: '¡Ya me contarás qué tal!',
  },
  restFor: (metres, maxMinutes) =>
    `Para repeticiones de ${metres} m: unos ${maxMinutes} minutos de descanso si van a tope (alrededor de 1 minuto por cada 10 m) y ${Math.max(1, Math.round(maxMinutes / 2))}–${Math.max(2, Math.round((maxMinutes * 2) / 3))} minutos a un 90 %.`,
  sleepHours: (hours, verdict) =>
    `Duermes unas ${hours} horas: ${
      verdict === 'short'
        ? 'está por debajo de las 7 horas mínimas para un velocista, y 8–9 te ayudarían a recuperar y a correr más rápido.'
        : verdict === 'adequate'
          ? 'es suficiente para ir tirando; 8–9 horas te ayudarían en las semanas duras.'
          : 'es una buena cantidad; mantenla regular.'
    }`,
  askSleep: '¿Cuántas horas duermes de media?',
  twoHundredFromHundred: (hundred, twoHundred) =>
    `Con ${hundred.toFixed(2)} s en 100 m, un 200 m de unos ${twoHundred.toFixed(2)} s está en línea con tu velocidad.`,
  events: (events) => `En tus pruebas (${events}) esto decide el final de la carrera.`,
  askContext:
    'Para afinar el consejo, dime tu prueba, tus mejores marcas, tu fase de entrenamiento y tu semana tipo.',
  askProfession:
    '¿A qué te dedicas? El entrenamiento tiene que encajar con el trabajo y la recuperación.',
  moodRecovery:
    'Dices que estás cansado o con agujetas, así que hoy toca priorizar la recuperación: poco volumen o cambia la sesión por tempo.',
  moodPush: 'Estás motivado: añade una repetición de calidad más si los tiempos se mantienen.',
  poorSleep: 'Estás durmiendo poco: baja la intensidad y el volumen hasta recuperarte.',
  mastersNote: (age) => `Con ${age} años, deja al menos 72 horas entre sesiones rápidas.`,
  youthNote: (age) =>
    `Con ${age} años, quédate en la parte baja del volumen y prioriza la técnica.`,
  sleepFigures: (hours) => `Tu reloj indica unas ${hours} horas de sueño últimamente.`,
  loadFigures: (sessions, acwr, zone) =>
    `Registraste ${sessions} sesiones en los últimos 7 días` +
    (acwr === null ? '.' : `; tu ratio agudo:crónico es ${acwr} (${zone}).`),
  mentalReading: "Lecturas: «Rebound», «With Winning in Mind» y «The Champion's Mind».",
  list: (items) => joinList(items, 'y'),
};
