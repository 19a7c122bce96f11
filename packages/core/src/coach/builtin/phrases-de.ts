import { joinList, type Phrases } from './phrases.js';

export const german: Phrases = {
  intents: {
    warm_up: {
      analysis:
        'Ein Sprint-Aufwärmen erhöht die Körpertemperatur und übt die Bewegungen, die du gleich sprintest, immer spezifischer und schneller.',
      recommendation:
        'Nimm dir 20–30 Minuten: 5–10 Minuten lockeres Traben oder Skippings, dynamische Mobilität (Beinschwünge, Ausfallschritte, Hüftöffner), Lauf-ABC (A-Marsch, A-Skip, Dribblings), dann 3–4 Steigerungsläufe über 30–60 m bis etwa 90 % und 2–3 Beschleunigungen aus der Startposition deiner Einheit. Beginne den Hauptteil innerhalb von 5–10 Minuten.',
    },
    acceleration: {
      analysis:
        'Beschleunigung ist eine Frage horizontaler Kraft: Vorlage, flache Schienbeinwinkel und Fußaufsatz hinter dem Körperschwerpunkt auf den ersten 20–30 m, mit steigender Haltung, je schneller du wirst.',
      recommendation:
        'Mach 4–6 × 10–30 m Starts aus dem Block oder Hochstart mit voller Intensität, etwa 1 Minute Pause pro 10 m (2–3 Minuten nach 20–30 m), dazu 3 × 15–20 m Schlittenschieben, das dich um höchstens 10 % bremst. Ein einziger Hinweis: „Drück den Boden weg“. Setz es an den Anfang der Einheit, wenn du frisch bist.',
    },
    max_velocity: {
      analysis:
        'Höchstgeschwindigkeit trainierst du, indem du sie läufst: fliegende Sprints mit 20–30 m Anlauf und 10–30 m Messstrecke, mit vollständiger Erholung, weil die Qualität mit Ermüdung schnell sinkt.',
      recommendation:
        'Lauf 3–5 × 20–30 m fliegend nach 25–30 m Anlauf, höchstens 150–300 m fliegende Strecke, etwa 1 Minute Pause pro 10 m, und hör auf, wenn die Zeiten mehr als 3 % hinter deinem besten Lauf liegen. Halte mindestens 48 Stunden Abstand zur nächsten schnellen Einheit.',
    },
    speed_endurance: {
      analysis:
        'Schnelligkeitsausdauer (Belastungen von etwa 7–15 s, bis rund 150 m) lehrt dich, die Technik unter Ermüdung zu halten, genau dort, wo andere langsamer werden.',
      recommendation:
        'Versuch 2 Serien à 3 × 80–120 m mit 95 %, 3–5 Minuten zwischen den Läufen und 8–10 Minuten zwischen den Serien: etwa 600–900 m insgesamt für Fortgeschrittene, weniger für Einsteiger. Plane es nach einem lockeren Tag, nie am Tag vor einer Höchstgeschwindigkeitseinheit und nicht in den letzten 5 Tagen vor einem Wettkampf.',
    },
    special_endurance: {
      analysis:
        'Spezielle Ausdauer (Belastungen von etwa 15–40 s, bei spezieller Ausdauer II 40 s bis 2 Minuten) entwickelt die Fähigkeit, das Tempo über 200–400 m zu halten; es ist die härteste Arbeit der Woche.',
      recommendation:
        'Höchstens einmal pro Woche: zum Beispiel 2 × 300 m mit 98–100 % und 20 Minuten Pause oder 4 × 300 m mit 90 % und 7–10 Minuten; für 200-m-Läufer Läufe über 150–250 m. Die letzte solche Einheit 5–7 Tage vor dem Wettkampf, am Tag danach locker.',
    },
    rest_intervals: {
      analysis:
        'Die Pause entscheidet, was eine Einheit trainiert: Schnelligkeit und Schnelligkeitsausdauer brauchen fast vollständige Erholung, damit jeder Lauf schnell ist; kurze Pausen machen daraus Ausdauertraining.',
      recommendation:
        'Als Richtwert: Sprints über 10–30 m 1–3 Minuten; 40–60 m 4–6 Minuten; 80–150 m mit 95 % 5–10 Minuten (bis 1 Minute pro 10 m bei maximalen Läufen); 300 m 7–10 Minuten mit 90 % oder etwa 20 Minuten mit 98–100 %; Tempoläufe mit 70 % 30 s–2 Minuten. Zwischen Serien ein paar Minuten mehr, und hör auf, wenn die Zeiten um mehr als 3 % nachlassen.',
    },
    tempo: {
      analysis:
        'Tempoläufe mit 60–79 % (extensiv) bauen Belastbarkeit auf und helfen bei der Erholung zwischen schnellen Tagen; intensives Tempo mit 80–89 % ist härter und zählt als mittlerer Tag.',
      recommendation:
        'Extensives Tempo: zum Beispiel 10–16 × 100 m mit etwa 70 % und 30–60 s Gehpause, insgesamt 1 400–2 500 m, wenn möglich auf Rasen, am Tag nach der Schnelligkeit. Intensives Tempo: 800–1 800 m mit 80–89 % und 2–3 Minuten Pause, höchstens einmal pro Woche.',
    },
    strength: {
      analysis:
        'Krafttraining macht dich schneller, weil es die Kraft erhöht, die du in den Boden bringst; es wird als Sätze × Wiederholungen mit einer Last verordnet, nicht wie Läufe.',
      recommendation:
        'Zwei bis drei Einheiten pro Woche: Kniebeuge oder Trap-Bar-Kreuzheben 3–5 Sätze à 3–5 Wiederholungen mit 75–85 % des 1RM (RPE 7–8), rumänisches Kreuzheben 3 Sätze à 6–8, Split Squats 3 Sätze à 6 pro Bein und Nordic Hamstring Curls 2–3 Sätze à 4–6. Heb nach dem Sprinten oder an einem anderen Tag, nie vor einer schnellen Einheit, und halbiere das Volumen in der Wettkampfwoche.',
    },
    plyometrics: {
      analysis:
        'Plyometrie trainiert schnelle, steife Bodenkontakte, die Qualität, die du bei Höchstgeschwindigkeit brauchst; dosiert wird sie nach Bodenkontakten.',
      recommendation:
        'Beginne mit 60–100 Kontakten pro Einheit (120–200 für Fortgeschrittene): Pogos, Skippings in die Höhe, 3–4 × 20–30 m Sprunglauf und Hürdensprünge, Niedersprünge von einer niedrigen Box erst, wenn das sitzt. Frisch nach dem Aufwärmen, auf nachgiebigem Untergrund, 1–2-mal pro Woche und nicht am Tag vor einem Wettkampf.',
    },
    race_day: {
      analysis:
        'Am Wettkampftag geht es darum, warm, scharf und ruhig an den Start zu kommen; die Arbeit ist im Training getan.',
      recommendation:
        'Iss 3–4 Stunden vorher eine vertraute Mahlzeit; komm früh genug für ein Aufwärmen von 40–60 Minuten, das 15–20 Minuten vor dem Callroom endet (Traben, Mobilität, Lauf-ABC, 3–4 Steigerungen, 2–3 Starts); zwischen Vorlauf und Finale warm bleiben, sitzen und ein kurzes Aufwärmen wiederholen. Nutze deine Wettkampfroutine und einen Prozess-Hinweis.',
    },
    pre_race_day: {
      analysis:
        'Der Tag vor dem Wettkampf dient dazu, frisch und scharf zu bleiben: nichts Ermüdendes und nichts Neues.',
      recommendation:
        'Kurz halten, 30–40 Minuten: lockeres Aufwärmen, Lauf-ABC, 3–4 lockere Steigerungen und 2–3 kurze Beschleunigungen über 10–20 m, oder Ruhe, wenn das deine Routine ist. Keine Läufe für Schnelligkeitsausdauer oder spezielle Ausdauer und kein Krafttraining. Tasche packen, Zeitplan prüfen, Vertrautes essen und zur gewohnten Zeit schlafen gehen.',
    },
    taper: {
      analysis:
        'Beim Tapering sinkt die Ermüdung, während die Form bleibt: das Volumen geht runter, Intensität und Häufigkeit bleiben.',
      recommendation:
        'In den letzten 7–14 Tagen das Volumen um 40–60 % senken und einige kurze Läufe im Renntempo behalten; die letzte Einheit für Schnelligkeitsausdauer oder spezielle Ausdauer 5–7 Tage vor dem Wettkampf; in den letzten 48 Stunden nur kurze Beschleunigungen, Steigerungen oder Ruhe; gut schlafen, Vertrautes essen und das Aufwärmen üben.',
    },
    sleep: {
      analysis:
        'Anpassung passiert im Schlaf: weniger als 7 Stunden pro Nacht ist für Sprinter ein Warnsignal, und 8–10 Stunden im Bett helfen Erholung und Schnelligkeit.',
      recommendation:
        'Steh zu einer festen Zeit auf und plane 8–9 Stunden im Bett ein; Zimmer dunkel und kühl, Bildschirme in den letzten 30–60 Minuten aus, Koffein nur bis zum frühen Nachmittag, und nach einer kurzen Nacht ein Nickerchen von 20–30 Minuten nach dem Training. Nach einer schlechten Nacht die Intensität der nächsten Einheit senken.',
    },
    recovery: {
      analysis:
        'In der Erholung wird Training zu Schnelligkeit: harte Sprinttage brauchen etwa 48 Stunden Abstand, und die Tage dazwischen bleiben locker.',
      recommendation:
        'Am Tag nach einer harten Einheit Tempo oder Ruhe, 8–9 Stunden Schlaf, Kohlenhydrate und Eiweiß in den zwei Stunden nach dem Training, lieber lockere Mobilität oder ein Spaziergang als mehr Intensität, und alle 3–4 Wochen eine leichtere Woche (30–50 % weniger Volumen). Hält Muskelkater länger als 2–3 Tage an, war das Volumen zu hoch.',
    },
    youth: {
      analysis:
        'Junge Sprinter entwickeln sich am besten mit Vielfalt, Technik und Spaß: Schnelligkeit lässt sich in jedem Alter trainieren, maximale Lasten und hohe Umfänge kommen später.',
      recommendation:
        'Kurze Sprints (10–40 m) mit vollständiger Erholung, Spiele, Staffeln, Sprünge und Würfe zur Abwechslung, Technik über Lauf-ABC, Kraft mit Körpergewicht und sauberer Technik vor schweren Lasten, 3–4 strukturierte Einheiten pro Woche neben anderen Sportarten und weniger Belastung in Wachstumsschüben.',
    },
    masters: {
      analysis:
        'Masters-Sprinter halten ihre Schnelligkeit am längsten, wenn die Intensität hoch bleibt, das Volumen sinkt und die Erholung zwischen schnellen Tagen wächst; Sehnen und Waden brauchen mehr Vorbereitung.',
      recommendation:
        'Zwei schnelle Einheiten pro Woche mit mindestens 72 Stunden Abstand, zwei kurze Krafteinheiten (schwer, aber wenig Volumen), ein längeres Aufwärmen von 15–20 Minuten, Belastungstraining für Wade und Achillessehne und nach jedem harten Tag ein lockerer. Die Altersklassen der World Masters Athletics beginnen mit 35.',
    },
    mental: {
      analysis:
        'Nervosität vor dem Rennen ist normale Aktivierung; die Kunst ist, sie zu lenken, mit einer festen Wettkampfroutine, Prozess-Hinweisen und geübter Visualisierung.',
      recommendation:
        'Schreib eine 10-minütige Wettkampfroutine und übe sie im Training; wähle für jede Rennphase einen Hinweis (zum Beispiel „drücken“, „groß“, „locker“); atme im Callroom langsam (4 s ein, 6 s aus); bewerte Rennen nach dem, was du kontrolliert hast, nicht nach dem Ergebnis.',
    },
    general: {
      analysis:
        'Sprintleistung entsteht aus Schnelligkeit, der Fähigkeit, sie zu halten, und guter Erholung zwischen harten Tagen.',
      recommendation:
        'Plane die Woche hoch–niedrig: Beschleunigung am Montag, Tempo am Dienstag, fliegende Sprints am Mittwoch, Tempo am Donnerstag und Schnelligkeitsausdauer (spezielle Ausdauer für 200/400 m) am Freitag, das Wochenende frei oder optional. Sag mir, woran du arbeiten willst (Start, Höchstgeschwindigkeit, Schnelligkeitsausdauer, Kraft oder Wettkampf), dann werde ich konkret.',
    },
    off_topic: {
      analysis:
        'Das liegt außerhalb dessen, was ich coache: Ich bin Sprinttrainer und helfe bei Sprinttraining, Wettkampf, Erholung und der mentalen Seite.',
      recommendation:
        'Frag mich nach Start und Beschleunigung, Höchstgeschwindigkeit, Schnelligkeits- oder spezieller Ausdauer, Pausen, Tempoläufen, Kraft, Plyometrie, Wettkampftag und Tapering, Schlaf und Erholung oder Training für Masters und Jugendliche.',
    },
  },
  closing: {
    strict: 'Trag die Einheit und die Zeiten ein.',
    supportive: 'Erzähl mir, wie es läuft, dann passen wir es gemeinsam an.',
    friendly: 'Sag Bescheid, wie es gelaufen ist!',
  },
  restFor: (metres, maxMinutes) =>
    `Für Läufe über ${metres} m: etwa ${maxMinutes} Minuten Pause, wenn sie maximal sind (etwa 1 Minute pro 10 m), und ${Math.max(1, Math.round(maxMinutes / 2))}–${Math.max(2, Math.round((maxMinutes * 2) / 3))} Minuten bei etwa 90 %.`,
  sleepHours: (hours, verdict) =>
    `Du schläfst etwa ${hours} Stunden: ${
      verdict === 'short'
        ? 'das liegt unter den 7 Stunden, die ein Sprinter mindestens braucht, und 8–9 würden Erholung und Schnelligkeit helfen.'
        : verdict === 'adequate'
          ? 'das reicht zum Auskommen; 8–9 Stunden würden in harten Wochen helfen.'
          : 'das ist eine gute Menge; halte es regelmäßig.'
    }`,
  askSleep: 'Wie viele Stunden schläfst du im Schnitt?',
  twoHundredFromHundred: (hundred, twoHundred) =>
    `Mit ${hundred.toFixed(2)} s über 100 m passen etwa ${twoHundred.toFixed(2)} s über 200 m zu deiner Schnelligkeit.`,
  events: (events) =>
    `In deinen Disziplinen (${events}) entscheidet das den letzten Teil des Rennens.`,
  askContext:
    'Damit ich es anpassen kann: Nenne mir Disziplin, Bestzeiten, aktuelle Trainingsphase und Wochenplan.',
  askProfession: 'Was machst du beruflich? Das Training muss zu Arbeit und Erholung passen.',
  moodRecovery:
    'Du fühlst dich müde oder hast Muskelkater, also heute eher Erholung: wenig Volumen oder die Einheit gegen Tempo tauschen.',
  moodPush: 'Du bist motiviert: Häng einen Qualitätslauf dran, wenn die Zeiten halten.',
  poorSleep: 'Dir fehlt Schlaf, also Intensität und Volumen senken, bis er zurück ist.',
  mastersNote: (age) => `Mit ${age} mindestens 72 Stunden zwischen schnellen Einheiten lassen.`,
  youthNote: (age) => `Mit ${age} beim Volumen am unteren Ende bleiben und die Technik vorziehen.`,
  sleepFigures: (hours) => `Deine Uhr zeigt zuletzt etwa ${hours} Stunden Schlaf.`,
  loadFigures: (sessions, acwr, zone) =>
    `Du hast in den letzten 7 Tagen ${sessions} Einheiten eingetragen` +
    (acwr === null
      ? '.'
      : `; dein Verhältnis akute zu chronische Belastung ist ${acwr} (${zone}).`),
  mentalReading: 'Lesetipps: „Rebound“, „With Winning in Mind“ und „The Champion’s Mind“.',
  list: (items) => joinList(items, 'und'),
};
