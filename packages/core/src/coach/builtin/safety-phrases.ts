import type { StatedSleep } from '../brief.js';
import type { CoachLanguage } from '../language.js';
import type { InjurySource } from '../safety/detect.js';

/**
 * What the coach says about injuries, medical, nutrition and supplement questions, in every
 * language it recognises: these answers are never left to a translation.
 */
export interface SafetyPhrases {
  readonly injuryAnalysis: Readonly<Record<InjurySource, string>>;
  /** (a) the referral. */
  readonly referral: string;
  /** (b) what is off until a doctor or physiotherapist clears the athlete. */
  readonly restriction: string;
  /** (c) what can be done safely. */
  readonly safeWork: string;
  readonly askSleep: string;
  readonly sleepStated: (hours: string) => string;
  readonly medicalAnalysis: string;
  readonly medicalAdvice: string;
  readonly nutritionAnalysis: string;
  readonly nutritionAdvice: string;
  readonly supplementAdvice: string;
  readonly dietitianReferral: string;
  /** Said once when the rest of the answer is in English; null where the coach writes all. */
  readonly englishNote: string | null;
}

const en: SafetyPhrases = {
  injuryAnalysis: {
    question:
      'Pain, a pull or any other sign of injury changes how you sprint, and sprinting through it can turn a small problem into a long lay-off: it needs a diagnosis first.',
    profile:
      'Your profile lists an injury, so this answer keeps to what is safe until it has been assessed.',
    tracklit:
      'TrackLit lists an active injury for you, so this answer keeps to what is safe until it has been assessed.',
    conversation:
      'You mentioned pain or an injury earlier in this conversation, so this answer keeps to what is safe until it has been assessed.',
  },
  referral:
    'See a doctor or physiotherapist about it before your next fast session; they can diagnose it and clear you to sprint.',
  restriction:
    'Until you are cleared: no high-speed running, no block starts, no plyometrics, no sled or other loaded sprints and no running repetitions.',
  safeWork:
    'What you can do safely now: anything that is pain-free and does not load the painful area, such as upper-body and core strength, easy cycling or swimming if they cause no pain, and mobility for the rest of the body; note when it hurts, to tell the clinician.',
  askSleep: 'How many hours are you sleeping? Tissue repair happens mostly during sleep.',
  sleepStated: (hours) =>
    `You mention about ${hours} hours of sleep; aim for 8–9 while the tissue heals.`,
  medicalAnalysis:
    'That is a medical question, so a doctor is the right person to answer it; I can only give general guidance.',
  medicalAdvice:
    'Please see a doctor about it. Until then train easy or rest, do not train hard with a fever or while unwell, and stop and get help at once with chest pain, dizziness, fainting or shortness of breath.',
  nutritionAnalysis:
    'Food fuels sprint training, but individual advice belongs to a registered dietitian; here is general guidance.',
  nutritionAdvice:
    'Eat regular meals with carbohydrate for fuel, protein at each meal (about 1.6 g per kg of body weight a day in total) and plenty of fruit and vegetables, and drink to thirst; before hard sessions and races eat a familiar, easy meal 2–4 hours ahead.',
  supplementAdvice:
    'Food first: if you consider a supplement, choose a batch-tested product (such as Informed Sport), check it against the anti-doping list, and ask a doctor or registered dietitian before taking it.',
  dietitianReferral: 'For advice tailored to you, see a registered (sports) dietitian.',
  englishNote: null,
};

const es: SafetyPhrases = {
  injuryAnalysis: {
    question:
      'El dolor, un tirón o cualquier señal de lesión cambia tu forma de correr, y esprintar con ello puede convertir un problema pequeño en una baja larga: primero necesita un diagnóstico.',
    profile:
      'Tu perfil indica una lesión, así que esta respuesta se limita a lo que es seguro hasta que te valoren.',
    tracklit:
      'TrackLit indica una lesión activa, así que esta respuesta se limita a lo que es seguro hasta que te valoren.',
    conversation:
      'Antes mencionaste dolor o una lesión, así que esta respuesta se limita a lo que es seguro hasta que te valoren.',
  },
  referral:
    'Consulta a un médico o fisioterapeuta antes de tu próxima sesión rápida; pueden diagnosticarlo y darte el alta para esprintar.',
  restriction:
    'Hasta que te den el alta: nada de carrera a alta velocidad, nada de salidas de tacos, nada de pliometría, nada de trineo ni otros sprints con carga y nada de series de carrera.',
  safeWork:
    'Lo que puedes hacer ya con seguridad: todo lo que no duela ni cargue la zona dolorida, como fuerza de tren superior y core, bicicleta o natación suaves si no duelen, y movilidad del resto del cuerpo; apunta cuándo duele para contárselo al profesional.',
  askSleep: '¿Cuántas horas duermes? Los tejidos se reparan sobre todo durante el sueño.',
  sleepStated: (hours) =>
    `Dices que duermes unas ${hours} horas; intenta dormir 8–9 mientras el tejido se cura.`,
  medicalAnalysis:
    'Es una cuestión médica, así que quien debe responderla es un médico; yo solo puedo darte orientación general.',
  medicalAdvice:
    'Consulta a un médico. Hasta entonces entrena suave o descansa, no entrenes fuerte con fiebre o si te encuentras mal, y para y pide ayuda enseguida si notas dolor en el pecho, mareo, desmayo o falta de aire.',
  nutritionAnalysis:
    'La alimentación da energía al entrenamiento de velocidad, pero el consejo individual corresponde a un dietista-nutricionista colegiado; aquí tienes una orientación general.',
  nutritionAdvice:
    'Haz comidas regulares con hidratos de carbono como combustible, proteína en cada comida (unos 1,6 g por kg de peso al día en total) y mucha fruta y verdura, y bebe según la sed; antes de sesiones duras y competiciones toma una comida conocida y ligera 2–4 horas antes.',
  supplementAdvice:
    'Primero la comida: si piensas en un suplemento, elige un producto analizado por lotes (como Informed Sport), compruébalo con la lista antidopaje y consulta antes a un médico o dietista-nutricionista.',
  dietitianReferral:
    'Para un consejo adaptado a ti, consulta a un dietista-nutricionista colegiado (deportivo).',
  englishNote: null,
};

const de: SafetyPhrases = {
  injuryAnalysis: {
    question:
      'Schmerzen, eine Zerrung oder andere Zeichen einer Verletzung verändern deinen Laufstil, und wer darüber hinweg sprintet, macht aus einem kleinen Problem leicht eine lange Pause: zuerst braucht es eine Diagnose.',
    profile:
      'Dein Profil nennt eine Verletzung, deshalb bleibt diese Antwort bei dem, was bis zur Abklärung sicher ist.',
    tracklit:
      'TrackLit nennt eine aktuelle Verletzung, deshalb bleibt diese Antwort bei dem, was bis zur Abklärung sicher ist.',
    conversation:
      'Du hast vorhin Schmerzen oder eine Verletzung erwähnt, deshalb bleibt diese Antwort bei dem, was bis zur Abklärung sicher ist.',
  },
  referral:
    'Lass es vor deiner nächsten schnellen Einheit von einem Arzt oder Physiotherapeuten untersuchen; sie können es diagnostizieren und dich für Sprints freigeben.',
  restriction:
    'Bis du freigegeben bist: keine schnellen Läufe, keine Starts aus dem Block, keine Plyometrie, keine Schlitten- oder anderen Widerstandssprints und keine Laufserien.',
  safeWork:
    'Was du jetzt sicher tun kannst: alles, was schmerzfrei ist und die schmerzende Stelle nicht belastet, etwa Oberkörper- und Rumpfkraft, lockeres Radfahren oder Schwimmen, wenn es nicht wehtut, und Mobilität für den Rest des Körpers; notiere, wann es wehtut, für den Termin.',
  askSleep: 'Wie viele Stunden schläfst du? Gewebe repariert sich vor allem im Schlaf.',
  sleepStated: (hours) =>
    `Du schreibst von etwa ${hours} Stunden Schlaf; 8–9 Stunden helfen, solange das Gewebe heilt.`,
  medicalAnalysis:
    'Das ist eine medizinische Frage, die ein Arzt beantworten sollte; ich kann nur allgemeine Hinweise geben.',
  medicalAdvice:
    'Bitte lass das von einem Arzt abklären. Bis dahin nur locker trainieren oder pausieren, mit Fieber oder Krankheitsgefühl nicht hart trainieren, und bei Brustschmerzen, Schwindel, Ohnmacht oder Atemnot sofort aufhören und Hilfe holen.',
  nutritionAnalysis:
    'Ernährung liefert die Energie für das Sprinttraining, aber individuelle Beratung gehört zu einer Ernährungsberaterin oder einem Ernährungsberater; hier allgemeine Hinweise.',
  nutritionAdvice:
    'Iss regelmäßig mit Kohlenhydraten als Treibstoff, Eiweiß zu jeder Mahlzeit (insgesamt etwa 1,6 g pro kg Körpergewicht am Tag) und viel Obst und Gemüse, und trink nach Durst; vor harten Einheiten und Wettkämpfen 2–4 Stunden vorher eine vertraute, leichte Mahlzeit.',
  supplementAdvice:
    'Erst die Ernährung: wenn du ein Nahrungsergänzungsmittel erwägst, wähle ein chargengeprüftes Produkt (etwa Kölner Liste oder Informed Sport), prüfe es gegen die Anti-Doping-Liste und frag vorher einen Arzt oder eine Ernährungsberaterin.',
  dietitianReferral:
    'Für eine auf dich zugeschnittene Beratung wende dich an eine qualifizierte (Sport-)Ernährungsberaterin oder einen Ernährungsberater.',
  englishNote: null,
};

const sv: SafetyPhrases = {
  injuryAnalysis: {
    question:
      'Smärta, en sträckning eller andra tecken på skada ändrar hur du springer, och att sprinta trots det kan göra ett litet problem till ett långt uppehåll: det behöver en diagnos först.',
    profile:
      'Din profil anger en skada, så det här svaret håller sig till det som är säkert tills den har bedömts.',
    tracklit:
      'TrackLit anger en aktuell skada, så det här svaret håller sig till det som är säkert tills den har bedömts.',
    conversation:
      'Du nämnde smärta eller en skada tidigare, så det här svaret håller sig till det som är säkert tills den har bedömts.',
  },
  referral:
    'Låt en läkare eller fysioterapeut undersöka det före ditt nästa snabba pass; de kan ställa diagnos och friskförklara dig för sprint.',
  restriction:
    'Tills du är friskförklarad: ingen löpning i hög fart, inga blockstarter, ingen plyometri, inga slädar eller andra sprinter med belastning och inga löpintervaller.',
  safeWork:
    'Det här kan du göra säkert nu: allt som är smärtfritt och inte belastar det ömma området, till exempel styrka för överkropp och bål, lugn cykling eller simning om det inte gör ont, och rörlighet för resten av kroppen; anteckna när det gör ont, till besöket.',
  askSleep: 'Hur många timmar sover du? Vävnad repareras mest under sömnen.',
  sleepStated: (hours) =>
    `Du nämner ungefär ${hours} timmars sömn; sikta på 8–9 medan vävnaden läker.`,
  medicalAnalysis:
    'Det är en medicinsk fråga som en läkare bör svara på; jag kan bara ge allmän vägledning.',
  medicalAdvice:
    'Kontakta en läkare om det. Träna lugnt eller vila tills dess, träna inte hårt med feber eller när du känner dig sjuk, och avbryt och sök hjälp direkt vid bröstsmärta, yrsel, svimning eller andfåddhet.',
  nutritionAnalysis:
    'Kosten ger energi till sprintträningen, men individuella råd hör hemma hos en legitimerad dietist; här är allmän vägledning.',
  nutritionAdvice:
    'Ät regelbundna måltider med kolhydrater som bränsle, protein till varje måltid (totalt cirka 1,6 g per kg kroppsvikt och dag) och mycket frukt och grönsaker, och drick efter törst; ät en välbekant, lätt måltid 2–4 timmar före hårda pass och tävlingar.',
  supplementAdvice:
    'Maten först: om du funderar på ett kosttillskott, välj en batchtestad produkt (till exempel Informed Sport), kontrollera den mot dopinglistan och fråga en läkare eller legitimerad dietist innan du tar den.',
  dietitianReferral: 'För råd anpassade till dig, vänd dig till en legitimerad (idrotts)dietist.',
  englishNote: null,
};

const fr: SafetyPhrases = {
  injuryAnalysis: {
    question:
      "Une douleur, une élongation ou tout autre signe de blessure modifie ta course, et sprinter malgré tout peut transformer un petit problème en longue interruption : il faut d'abord un diagnostic.",
    profile:
      "Ton profil indique une blessure, donc cette réponse s'en tient à ce qui est sûr jusqu'à une évaluation.",
    tracklit:
      "TrackLit indique une blessure en cours, donc cette réponse s'en tient à ce qui est sûr jusqu'à une évaluation.",
    conversation:
      "Tu as mentionné une douleur ou une blessure plus tôt, donc cette réponse s'en tient à ce qui est sûr jusqu'à une évaluation.",
  },
  referral:
    'Consulte un médecin ou un kinésithérapeute avant ta prochaine séance rapide ; ils peuvent poser un diagnostic et te donner le feu vert pour sprinter.',
  restriction:
    "Jusqu'à ce feu vert : pas de course à haute vitesse, pas de départs en blocs, pas de pliométrie, pas de traîneau ni d'autres sprints lestés et pas de répétitions de course.",
  safeWork:
    "Ce que tu peux faire sans risque : tout ce qui est indolore et ne charge pas la zone douloureuse, comme le renforcement du haut du corps et du tronc, le vélo ou la natation faciles s'ils ne font pas mal, et la mobilité du reste du corps ; note quand ça fait mal, pour la consultation.",
  askSleep: "Combien d'heures dors-tu ? Les tissus se réparent surtout pendant le sommeil.",
  sleepStated: (hours) =>
    `Tu parles d'environ ${hours} heures de sommeil ; vise 8–9 heures pendant la cicatrisation.`,
  medicalAnalysis:
    "C'est une question médicale, à laquelle un médecin doit répondre ; je ne peux donner que des repères généraux.",
  medicalAdvice:
    "Consulte un médecin. En attendant, entraîne-toi légèrement ou repose-toi, pas d'entraînement dur avec de la fièvre ou si tu te sens malade, et arrête-toi et demande de l'aide immédiatement en cas de douleur thoracique, de vertige, de malaise ou d'essoufflement.",
  nutritionAnalysis:
    "L'alimentation nourrit l'entraînement de sprint, mais un conseil individuel relève d'un diététicien diplômé ; voici des repères généraux.",
  nutritionAdvice:
    'Prends des repas réguliers avec des glucides comme carburant, des protéines à chaque repas (environ 1,6 g par kg de poids par jour au total) et beaucoup de fruits et légumes, et bois selon la soif ; avant les séances dures et les courses, un repas connu et léger 2 à 4 heures avant.',
  supplementAdvice:
    "L'alimentation d'abord : si tu envisages un complément, choisis un produit testé par lot (comme Informed Sport), vérifie-le avec la liste antidopage et demande d'abord à un médecin ou à un diététicien.",
  dietitianReferral: 'Pour un conseil adapté à toi, consulte un diététicien (du sport) diplômé.',
  englishNote:
    "J'écris les réponses d'entraînement détaillées en anglais, espagnol, allemand et suédois ; la suite de cette réponse est donc en anglais.",
};

const it: SafetyPhrases = {
  injuryAnalysis: {
    question:
      'Dolore, uno stiramento o qualsiasi segno di infortunio cambiano il tuo modo di correre, e sprintare comunque può trasformare un piccolo problema in un lungo stop: prima serve una diagnosi.',
    profile:
      'Il tuo profilo indica un infortunio, quindi questa risposta resta su ciò che è sicuro fino a una valutazione.',
    tracklit:
      'TrackLit indica un infortunio in corso, quindi questa risposta resta su ciò che è sicuro fino a una valutazione.',
    conversation:
      'Prima hai parlato di dolore o di un infortunio, quindi questa risposta resta su ciò che è sicuro fino a una valutazione.',
  },
  referral:
    'Fatti vedere da un medico o da un fisioterapista prima della prossima seduta veloce; possono fare la diagnosi e darti il via libera per sprintare.',
  restriction:
    'Finché non ti danno il via libera: niente corsa ad alta velocità, niente partenze dai blocchi, niente pliometria, niente slitta o altri sprint con carico e niente ripetute di corsa.',
  safeWork:
    'Cosa puoi fare in sicurezza ora: tutto ciò che non fa male e non carica la zona dolorante, come forza per parte superiore e core, bici o nuoto leggeri se non fanno male, e mobilità per il resto del corpo; annota quando fa male, per la visita.',
  askSleep: 'Quante ore dormi? I tessuti si riparano soprattutto durante il sonno.',
  sleepStated: (hours) =>
    `Dici di dormire circa ${hours} ore; punta a 8–9 mentre il tessuto guarisce.`,
  medicalAnalysis:
    'È una domanda medica, a cui deve rispondere un medico; io posso dare solo indicazioni generali.',
  medicalAdvice:
    'Rivolgiti a un medico. Fino ad allora allenati piano o riposa, non allenarti duro con la febbre o se stai male, e fermati e chiedi aiuto subito in caso di dolore al petto, vertigini, svenimento o fiato corto.',
  nutritionAnalysis:
    "L'alimentazione sostiene l'allenamento di velocità, ma un consiglio individuale spetta a un dietista; ecco indicazioni generali.",
  nutritionAdvice:
    'Fai pasti regolari con carboidrati come carburante, proteine a ogni pasto (circa 1,6 g per kg di peso al giorno in totale) e molta frutta e verdura, e bevi secondo la sete; prima di sedute dure e gare, un pasto conosciuto e leggero 2–4 ore prima.',
  supplementAdvice:
    'Prima il cibo: se pensi a un integratore, scegli un prodotto testato per lotto (come Informed Sport), controllalo con la lista antidoping e chiedi prima a un medico o a un dietista.',
  dietitianReferral: 'Per un consiglio su misura, rivolgiti a un dietista (sportivo) abilitato.',
  englishNote:
    'Scrivo le risposte di allenamento dettagliate in inglese, spagnolo, tedesco e svedese, quindi il resto di questa risposta è in inglese.',
};

const pt: SafetyPhrases = {
  injuryAnalysis: {
    question:
      'Dor, um estiramento ou qualquer sinal de lesão mudam a forma como corres, e sprintar mesmo assim pode transformar um problema pequeno numa longa paragem: primeiro é preciso um diagnóstico.',
    profile:
      'O teu perfil indica uma lesão, por isso esta resposta fica pelo que é seguro até haver uma avaliação.',
    tracklit:
      'O TrackLit indica uma lesão ativa, por isso esta resposta fica pelo que é seguro até haver uma avaliação.',
    conversation:
      'Antes mencionaste dor ou uma lesão, por isso esta resposta fica pelo que é seguro até haver uma avaliação.',
  },
  referral:
    'Consulta um médico ou fisioterapeuta antes da tua próxima sessão rápida; podem fazer o diagnóstico e liberar-te para sprintar.',
  restriction:
    'Até seres liberado: nada de corrida em alta velocidade, nada de saídas dos blocos, nada de pliometria, nada de trenó ou outros sprints com carga e nada de repetições de corrida.',
  safeWork:
    'O que podes fazer com segurança agora: tudo o que não dói e não carrega a zona dorida, como força de tronco e membros superiores, bicicleta ou natação leves se não doerem, e mobilidade para o resto do corpo; anota quando dói, para a consulta.',
  askSleep: 'Quantas horas dormes? Os tecidos reparam-se sobretudo durante o sono.',
  sleepStated: (hours) =>
    `Dizes que dormes cerca de ${hours} horas; procura dormir 8–9 enquanto o tecido cicatriza.`,
  medicalAnalysis:
    'É uma questão médica, que deve ser respondida por um médico; eu só posso dar orientação geral.',
  medicalAdvice:
    'Consulta um médico. Até lá treina leve ou descansa, não treines forte com febre ou se te sentires doente, e para e pede ajuda de imediato se tiveres dor no peito, tonturas, desmaio ou falta de ar.',
  nutritionAnalysis:
    'A alimentação sustenta o treino de velocidade, mas o conselho individual cabe a um nutricionista; aqui fica orientação geral.',
  nutritionAdvice:
    'Faz refeições regulares com hidratos de carbono como combustível, proteína em cada refeição (cerca de 1,6 g por kg de peso por dia no total) e muita fruta e legumes, e bebe conforme a sede; antes de treinos duros e provas, uma refeição conhecida e leve 2–4 horas antes.',
  supplementAdvice:
    'Primeiro a comida: se pensas num suplemento, escolhe um produto testado por lote (como Informed Sport), confirma-o na lista antidopagem e pergunta antes a um médico ou nutricionista.',
  dietitianReferral:
    'Para um conselho adaptado a ti, consulta um nutricionista (desportivo) certificado.',
  englishNote:
    'Escrevo as respostas de treino detalhadas em inglês, espanhol, alemão e sueco, por isso o resto desta resposta está em inglês.',
};

const byLanguage: Readonly<Record<CoachLanguage, SafetyPhrases>> = { en, es, de, sv, fr, it, pt };

export function safetyPhrasesFor(language: CoachLanguage): SafetyPhrases {
  return byLanguage[language];
}

/** "5", "5–6", "7.5". */
export function hoursText(sleep: StatedSleep): string {
  return sleep.low === sleep.high ? `${sleep.low}` : `${sleep.low}–${sleep.high}`;
}

/** The persona asks about sleep when an injury comes up; not when the athlete said it. */
export function sleepLine(p: SafetyPhrases, sleep: StatedSleep | null): string {
  return sleep === null ? p.askSleep : p.sleepStated(hoursText(sleep));
}
