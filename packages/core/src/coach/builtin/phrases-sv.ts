import { joinList, type Phrases } from './phrases.js';

export const swedish: Phrases = {
  intents: {
    warm_up: {
      analysis:
        'En sprintuppvärmning höjer kroppstemperaturen och övar rörelserna du snart ska sprinta, allt mer specifikt och snabbare.',
      recommendation:
        'Ta 20–30 minuter: 5–10 minuter lugn jogg eller skipping, dynamisk rörlighet (bensvingar, utfall, höftöppnare), löpskolning (A-gång, A-skip, dribblingar), sedan 3–4 stegringslopp på 30–60 m upp till cirka 90 % och 2–3 accelerationer från passets startposition. Börja huvuddelen inom 5–10 minuter.',
    },
    acceleration: {
      analysis:
        'Acceleration handlar om horisontell kraft: framåtlutning, låga smalbensvinklar och fotisättning bakom tyngdpunkten de första 20–30 metrarna, med en hållning som reser sig när farten ökar.',
      recommendation:
        'Gör 4–6 × 10–30 m starter från block eller stående med full kraft, vila cirka 1 minut per 10 m (2–3 minuter efter 20–30 m), plus 3 × 15–20 m slädskjut som bromsar dig högst 10 %. En enda instruktion: ”tryck bort marken”. Lägg det först i passet, när du är pigg.',
    },
    max_velocity: {
      analysis:
        'Maxfart tränas genom att springa i den: flygande sprinter med 20–30 m tillopp och en tidtagen sträcka på 10–30 m, med full vila, eftersom kvaliteten sjunker snabbt med trötthet.',
      recommendation:
        'Spring 3–5 × 20–30 m flygande efter 25–30 m tillopp, högst 150–300 m flygande sträcka, vila cirka 1 minut per 10 m och sluta när tiderna blir mer än 3 % sämre än ditt bästa lopp. Ha minst 48 timmar till nästa snabba pass.',
    },
    speed_endurance: {
      analysis:
        'Snabbhetsuthållighet (insatser på cirka 7–15 s, upp till ungefär 150 m) lär dig hålla tekniken när tröttheten kommer, just där andra saktar in.',
      recommendation:
        'Prova 2 serier med 3 × 80–120 m i 95 %, 3–5 minuter mellan loppen och 8–10 minuter mellan serierna: cirka 600–900 m totalt för en erfaren sprinter, mindre om du är ny. Lägg det efter en lugn dag, aldrig dagen före ett maxfartspass och inte inom 5 dagar före tävling.',
    },
    special_endurance: {
      analysis:
        'Specialuthållighet (insatser på cirka 15–40 s, och 40 s till 2 minuter för specialuthållighet II) bygger förmågan att hålla farten över 200–400 m; det är veckans tuffaste arbete.',
      recommendation:
        'Högst en gång i veckan: till exempel 2 × 300 m i 98–100 % med 20 minuters vila, eller 4 × 300 m i 90 % med 7–10 minuter; lopp på 150–250 m passar 200-meterslöpare. Lägg det sista sådana passet 5–7 dagar före tävling och ta en lugn dag efteråt.',
    },
    rest_intervals: {
      analysis:
        'Vilan avgör vad passet tränar: snabbhet och snabbhetsuthållighet kräver nästan full återhämtning så att varje lopp blir snabbt; korta vilor gör det till konditionsträning.',
      recommendation:
        'Som riktmärke: sprinter på 10–30 m 1–3 minuter; 40–60 m 4–6 minuter; 80–150 m i 95 % 5–10 minuter (upp till 1 minut per 10 m för maximala lopp); 300 m 7–10 minuter i 90 % eller cirka 20 minuter i 98–100 %; tempolopp i 70 % 30 s–2 minuter. Lägg till några minuter mellan serierna och sluta när tiderna sjunker mer än 3 %.',
    },
    tempo: {
      analysis:
        'Tempolopp i 60–79 % (extensivt) bygger arbetskapacitet och hjälper återhämtningen mellan snabba dagar; intensivt tempo i 80–89 % är tuffare och räknas som en mellandag.',
      recommendation:
        'Extensivt tempo: till exempel 10–16 × 100 m i cirka 70 % med 30–60 s gångvila, 1 400–2 500 m totalt, på gräs om det går, dagen efter snabbhetspasset. Intensivt tempo: 800–1 800 m i 80–89 % med 2–3 minuter mellan loppen, högst en gång i veckan.',
    },
    strength: {
      analysis:
        'Styrketräning gör dig snabbare genom att öka kraften du kan trycka i marken; den ordineras som set × repetitioner med en belastning, inte som löpning.',
      recommendation:
        'Två till tre pass i veckan: knäböj eller marklyft med trap bar 3–5 set à 3–5 repetitioner på 75–85 % av 1RM (RPE 7–8), rumänska marklyft 3 set à 6–8, utfallsböj 3 set à 6 per ben och nordiska hamstringscurls 2–3 set à 4–6. Lyft efter sprinten eller en annan dag, aldrig före ett snabbt pass, och halvera volymen under tävlingsveckan.',
    },
    plyometrics: {
      analysis:
        'Plyometri tränar snabba, styva markkontakter, den egenskap du behöver i maxfart; den doseras i antal markkontakter.',
      recommendation:
        'Börja med 60–100 kontakter per pass (120–200 för erfarna): pogohopp, skipping på höjden, 3–4 × 20–30 m hopplöpning och häckhopp, och lägg till låga djuphopp först när det sitter. Gör det pigg efter uppvärmningen, på mjukt underlag, 1–2 gånger i veckan och inte dagen före tävling.',
    },
    race_day: {
      analysis:
        'På tävlingsdagen är målet att komma till start varm, skärpt och lugn; jobbet är redan gjort.',
      recommendation:
        'Ät en välbekant måltid 3–4 timmar före; kom i god tid för en uppvärmning på 40–60 minuter som slutar 15–20 minuter före callroom (jogg, rörlighet, löpskolning, 3–4 stegringar, 2–3 starter); mellan försök och final håll dig varm, sitt ner och gör en kort uppvärmning igen. Använd din tävlingsrutin och en processinstruktion.',
    },
    pre_race_day: {
      analysis:
        'Dagen före tävling handlar om att vara pigg och skärpt: inget tröttande och inget nytt.',
      recommendation:
        'Håll det kort, 30–40 minuter: lugn uppvärmning, löpskolning, 3–4 avslappnade stegringar och 2–3 korta accelerationer på 10–20 m, eller vila om det är din rutin. Inga lopp för snabbhets- eller specialuthållighet och ingen styrketräning. Packa väskan, kolla tidsprogrammet, ät det du brukar och gå och lägg dig som vanligt.',
    },
    taper: {
      analysis:
        'En nedtrappning låter tröttheten sjunka medan formen finns kvar: volymen går ner, intensitet och frekvens behålls.',
      recommendation:
        'Under de sista 7–14 dagarna: sänk volymen med 40–60% och behåll några korta lopp i tävlingsfart; lägg det sista passet med snabbhets- eller specialuthållighet 5–7 dagar före tävlingen; de sista 48 timmarna bara korta accelerationer, stegringar eller vila; sov bra, ät det du brukar och öva din uppvärmning.',
    },
    sleep: {
      analysis:
        'Anpassningen sker när du sover: under 7 timmar per natt är en varningssignal för en sprinter, och 8–10 timmar i sängen hjälper både återhämtning och fart.',
      recommendation:
        'Vakna samma tid varje dag och sikta på 8–9 timmar i sängen; mörkt och svalt sovrum, inga skärmar de sista 30–60 minuterna, koffein bara fram till tidig eftermiddag, och en tupplur på 20–30 minuter efter träningen om natten var kort. Efter en dålig natt, sänk intensiteten i nästa pass.',
    },
    recovery: {
      analysis:
        'I återhämtningen blir träningen till fart: hårda sprintdagar behöver cirka 48 timmar emellan, och dagarna däremellan är lugna.',
      recommendation:
        'Dagen efter ett hårt pass tempo eller vila, sov 8–9 timmar, ät kolhydrater och protein inom ett par timmar efter träningen, välj lugn rörlighet eller en promenad framför mer intensitet, och planera en lättare vecka var 3–4:e vecka (30–50 % mindre volym). Träningsvärk längre än 2–3 dagar betyder att volymen var för hög.',
    },
    youth: {
      analysis:
        'Unga sprinters utvecklas bäst med variation, teknik och glädje: snabbhet kan tränas i alla åldrar, men maximala vikter och stora volymer kommer senare.',
      recommendation:
        'Korta sprinter (10–40 m) med full vila, lekar, stafetter, hopp och kast för variation, teknik via löpskolning, styrka med kroppsvikt och god teknik före tunga vikter, 3–4 strukturerade pass i veckan vid sidan av andra idrotter och mindre belastning under tillväxtspurter.',
    },
    masters: {
      analysis:
        'Veteransprinters behåller farten längst när intensiteten hålls hög men volymen sänks och vilan mellan snabba dagar ökar; senor och vader behöver mer förberedelse.',
      recommendation:
        'Behåll 2 snabba pass i veckan med minst 72 timmar emellan, 2 korta styrkepass (tunga men med liten volym), en längre uppvärmning på 15–20 minuter, belastningsträning för vad och hälsena och en lugn dag efter varje hård. Åldersklasserna i World Masters Athletics börjar vid 35.',
    },
    mental: {
      analysis:
        'Nervositet före lopp är normal aktivering; konsten är att styra den med en fast tävlingsrutin, processinstruktioner och inövad visualisering.',
      recommendation:
        'Skriv en tävlingsrutin på 10 minuter och öva den på träning; välj en instruktion för varje del av loppet (till exempel ”tryck”, ”lång”, ”avslappnad”); andas lugnt i callroom (4 s in, 6 s ut); utvärdera loppen efter vad du kontrollerade, inte efter resultatet.',
    },
    general: {
      analysis:
        'Sprintprestation kommer från fart, förmågan att hålla den och god återhämtning mellan hårda dagar.',
      recommendation:
        'Bygg veckan hög–låg: acceleration på måndag, tempo på tisdag, flygande sprinter på onsdag, tempo på torsdag och snabbhetsuthållighet (specialuthållighet för 200/400 m) på fredag, med helgen ledig eller valfri. Säg vad du vill jobba med (start, maxfart, snabbhetsuthållighet, styrka eller tävling) så blir jag konkret.',
    },
    off_topic: {
      analysis:
        'Det ligger utanför det jag coachar: jag är sprinttränare och hjälper till med sprintträning, tävling, återhämtning och den mentala biten.',
      recommendation:
        'Fråga mig om start och acceleration, maxfart, snabbhets- eller specialuthållighet, vila mellan lopp, tempo, styrka, plyometri, tävlingsdag och nedtrappning, sömn och återhämtning, eller träning för veteraner och unga.',
    },
  },
  closing: {
    strict: 'Logga passet och tiderna.',
    supportive: 'Berätta hur det går så justerar vi tillsammans.',
    friendly: 'Hör av dig och berätta hur det gick!',
  },
  restFor: (metres, maxMinutes) =>
    `För lopp på ${metres} m: cirka ${maxMinutes} minuters vila när de är maximala (ungefär 1 minut per 10 m) och ${Math.max(1, Math.round(maxMinutes / 2))}–${Math.max(2, Math.round((maxMinutes * 2) / 3))} minuter i cirka 90 %.`,
  sleepHours: (hours, verdict) =>
    `Du sover ungefär ${hours} timmar: ${
      verdict === 'short'
        ? 'det är under de 7 timmar en sprinter behöver som minst, och 8–9 skulle hjälpa både återhämtning och fart.'
        : verdict === 'adequate'
          ? 'det räcker för att klara sig; 8–9 timmar skulle hjälpa under hårda veckor.'
          : 'det är en bra mängd; håll det regelbundet.'
    }`,
  askSleep: 'Hur många timmar sover du i genomsnitt?',
  twoHundredFromHundred: (hundred, twoHundred) =>
    `Med ${hundred.toFixed(2)} s på 100 m motsvarar cirka ${twoHundred.toFixed(2)} s på 200 m din fart.`,
  events: (events) => `I dina grenar (${events}) avgör det slutet av loppet.`,
  askContext:
    'För att anpassa det: berätta din gren, dina personliga rekord, nuvarande träningsfas och veckoschema.',
  askProfession: 'Vad jobbar du med? Träningen måste passa ihop med jobb och återhämtning.',
  moodRecovery:
    'Du känner dig trött eller har träningsvärk, så idag lutar det åt återhämtning: låg volym eller byt passet mot tempo.',
  moodPush: 'Du är motiverad: lägg till ett kvalitetslopp till om tiderna håller.',
  poorSleep: 'Du sover för lite, så sänk intensitet och volym tills sömnen är tillbaka.',
  mastersNote: (age) => `Vid ${age} år, ha minst 72 timmar mellan snabba pass.`,
  youthNote: (age) => `Vid ${age} år, håll volymen i nederkant och sätt tekniken först.`,
  sleepFigures: (hours) => `Din klocka visar cirka ${hours} timmars sömn på sistone.`,
  loadFigures: (sessions, acwr, zone) =>
    `Du loggade ${sessions} pass de senaste 7 dagarna` +
    (acwr === null ? '.' : `; din kvot akut:kronisk belastning är ${acwr} (${zone}).`),
  mentalReading: 'Läsning: ”Rebound”, ”With Winning in Mind” och ”The Champion’s Mind”.',
  list: (items) => joinList(items, 'och'),
};
