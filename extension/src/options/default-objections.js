// Default objection texts, one per language of the profile (not of the interface): the user can
// change them. Each cites the right to object of GDPR Article 21 and asks for the objection to
// cover every account in the same Accounts Center.
export const DEFAULT_OBJECTIONS = Object.freeze({
  en: "I object, under Article 21 of the General Data Protection Regulation (GDPR), to Meta processing my personal data " +
    "— including my public posts, photos, comments and my interactions with Meta AI — to develop, train or improve " +
    "artificial intelligence models. Meta relies on legitimate interests for this processing; my interest in keeping " +
    "control over my data overrides it, and I do not want my information used for this purpose. Please apply this " +
    "objection to all accounts in my Accounts Center, and confirm in writing that it has been applied.",
  fr: "Je m'oppose, en vertu de l'article 21 du règlement général sur la protection des données (RGPD), au traitement " +
    "de mes données personnelles par Meta — y compris mes publications publiques, photos, commentaires et mes " +
    "échanges avec Meta AI — pour développer, entraîner ou améliorer des modèles d'intelligence artificielle. Meta " +
    "invoque son intérêt légitime pour ce traitement ; mon intérêt à garder la maîtrise de mes données prévaut, et je " +
    "ne souhaite pas que mes informations servent à cette fin. Merci d'appliquer cette opposition à tous les comptes " +
    "de mon Espace Comptes et de me confirmer par écrit qu'elle a été prise en compte.",
  nl: "Op grond van artikel 21 van de Algemene Verordening Gegevensbescherming (AVG) maak ik bezwaar tegen de verwerking " +
    "van mijn persoonsgegevens door Meta — waaronder mijn openbare berichten, foto's, reacties en mijn interacties " +
    "met Meta AI — om modellen voor kunstmatige intelligentie te ontwikkelen, te trainen of te verbeteren. Meta " +
    "beroept zich op een gerechtvaardigd belang; mijn belang om controle over mijn gegevens te houden weegt zwaarder, " +
    "en ik wil niet dat mijn gegevens hiervoor worden gebruikt. Pas dit bezwaar toe op alle accounts in mijn " +
    "Accountcentrum en bevestig mij schriftelijk dat het is toegepast.",
  de: "Ich widerspreche gemäß Artikel 21 der Datenschutz-Grundverordnung (DSGVO) der Verarbeitung meiner " +
    "personenbezogenen Daten durch Meta — einschließlich meiner öffentlichen Beiträge, Fotos, Kommentare und meiner " +
    "Interaktionen mit Meta AI — zur Entwicklung, zum Training oder zur Verbesserung von Modellen künstlicher " +
    "Intelligenz. Meta stützt diese Verarbeitung auf berechtigte Interessen; mein Interesse, die Kontrolle über meine " +
    "Daten zu behalten, überwiegt, und ich möchte nicht, dass meine Informationen dafür verwendet werden. Bitte " +
    "wende diesen Widerspruch auf alle Konten in meiner Kontenübersicht an und bestätige mir schriftlich, dass er " +
    "umgesetzt wurde.",
  it: "Ai sensi dell'articolo 21 del Regolamento generale sulla protezione dei dati (GDPR), mi oppongo al trattamento " +
    "dei miei dati personali da parte di Meta — compresi i miei post pubblici, foto, commenti e le mie interazioni con " +
    "Meta AI — per sviluppare, addestrare o migliorare modelli di intelligenza artificiale. Meta basa questo " +
    "trattamento sul legittimo interesse; il mio interesse a mantenere il controllo sui miei dati prevale e non " +
    "desidero che le mie informazioni siano usate a questo scopo. Vi chiedo di applicare questa opposizione a tutti " +
    "gli account del mio Centro gestione account e di confermarmi per iscritto che è stata applicata.",
  es: "En virtud del artículo 21 del Reglamento General de Protección de Datos (RGPD), me opongo al tratamiento de mis " +
    "datos personales por parte de Meta —incluidas mis publicaciones públicas, fotos, comentarios y mis interacciones " +
    "con Meta AI— para desarrollar, entrenar o mejorar modelos de inteligencia artificial. Meta se basa en su interés " +
    "legítimo para este tratamiento; mi interés en mantener el control sobre mis datos prevalece y no deseo que mi " +
    "información se utilice con este fin. Les ruego que apliquen esta oposición a todas las cuentas de mi Centro de " +
    "cuentas y que me confirmen por escrito que ha sido aplicada.",
  pl: "Na podstawie art. 21 ogólnego rozporządzenia o ochronie danych (RODO) wnoszę sprzeciw wobec przetwarzania moich " +
    "danych osobowych przez Meta — w tym moich publicznych postów, zdjęć, komentarzy oraz interakcji z Meta AI — w " +
    "celu rozwijania, trenowania lub ulepszania modeli sztucznej inteligencji. Meta opiera to przetwarzanie na " +
    "prawnie uzasadnionym interesie; mój interes w zachowaniu kontroli nad moimi danymi jest nadrzędny i nie zgadzam " +
    "się na wykorzystywanie moich informacji w tym celu. Proszę o zastosowanie tego sprzeciwu do wszystkich kont w " +
    "moim Centrum kont oraz o pisemne potwierdzenie jego uwzględnienia.",
  pt: "Nos termos do artigo 21.º do Regulamento Geral sobre a Proteção de Dados (RGPD), oponho-me ao tratamento dos meus " +
    "dados pessoais pela Meta — incluindo as minhas publicações públicas, fotografias, comentários e as minhas " +
    "interações com a Meta AI — para desenvolver, treinar ou melhorar modelos de inteligência artificial. A Meta " +
    "baseia este tratamento em interesses legítimos; o meu interesse em manter o controlo sobre os meus dados " +
    "prevalece e não pretendo que as minhas informações sejam usadas para esse fim. Peço que apliquem esta oposição " +
    "a todas as contas da minha Central de Contas e que me confirmem por escrito que foi aplicada.",
});

export const PROFILE_LANGUAGES = Object.freeze(Object.keys(DEFAULT_OBJECTIONS));

// The text for a BCP 47 tag such as "fr-BE": its primary language, English otherwise.
export function defaultObjection(language) {
  const primary = String(language || "").toLowerCase().split(/[-_]/)[0];
  return DEFAULT_OBJECTIONS[primary] ?? DEFAULT_OBJECTIONS.en;
}

// True when the text is one of the defaults (so a language change may swap it for another default).
export function isDefaultObjection(text) {
  return Object.values(DEFAULT_OBJECTIONS).includes(String(text ?? "").trim());
}
