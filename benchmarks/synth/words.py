"""The words of the synthetic data set: its calendar and organisation, and
the Dutch vocabulary every record is made from (platforms, channels,
scenarios and tags of the taxonomy; names, roles, audiences, jobs, regions;
the goals campaigns have and the questions they ask)."""

from __future__ import annotations

from datetime import date


# The data set's "today" (the benchmark's SOURCE_DATE_EPOCH): running campaigns started
# before it, planned ones start after it, and nothing was reviewed later.
TODAY = date(2026, 11, 1)
FIRST_YEAR, LAST_YEAR = 2009, 2026
ORG = "Dijkstroom"


# id, name, name_en, description, url, first year we could use it, closed
PLATFORMS: list[tuple[str, str, str, str, str, int, str | None]] = [
    ("linkedin", "LinkedIn", "LinkedIn",
     "Zakelijk netwerk; voor ons vooral een plek om kandidaten actief te zoeken en te benaderen.",
     "https://www.linkedin.com", 2003, None),
    ("facebook", "Facebook", "Facebook",
     "Algemeen sociaal netwerk met bedrijfspagina's, groepen en advertenties.",
     "https://www.facebook.com", 2008, None),
    ("hyves", "Hyves", "Hyves",
     "Nederlands sociaal netwerk, in 2009 het grootste van het land; gesloten als sociaal netwerk in december 2013.",
     "https://www.hyves.nl", 2004, "2013-12-02"),
    ("twitter", "X (voorheen Twitter)", "X (formerly Twitter)",
     "Microblog; bij ons vooral in gebruik voor webcare en korte berichten.",
     "https://x.com", 2008, None),
    ("youtube", "YouTube", "YouTube",
     "Videoplatform voor werkplekvideo's en kennismakingsfilms.",
     "https://www.youtube.com", 2006, None),
    ("instagram", "Instagram", "Instagram",
     "Beeldplatform met posts, stories en reels; vooral voor employer branding.",
     "https://www.instagram.com", 2012, None),
    ("tiktok", "TikTok", "TikTok",
     "Platform voor korte video's, populair bij scholieren en mbo-studenten.",
     "https://www.tiktok.com", 2019, None),
    ("google-plus", "Google+", "Google+",
     "Sociaal netwerk van Google met kringen en hangouts; voor consumenten gesloten in april 2019.",
     "https://plus.google.com", 2011, "2019-04-02"),
    ("xing", "XING", "XING",
     "Zakelijk netwerk dat vooral in Duitsland wordt gebruikt; nuttig voor werving in de grensregio.",
     "https://www.xing.com", 2006, None),
    ("netlog", "Netlog", "Netlog",
     "Belgisch sociaal netwerk dat populair was bij jongeren; gesloten in december 2014.",
     "https://www.netlog.com", 2007, "2014-12-01"),
    ("indeed", "Indeed", "Indeed",
     "Zoekmachine voor vacatures, met betaalde vermeldingen en bedrijfspagina's.",
     "https://nl.indeed.com", 2010, None),
    ("glassdoor", "Glassdoor", "Glassdoor",
     "Site waar medewerkers hun werkgever beoordelen; kandidaten lezen er wat collega's over ons zeggen.",
     "https://www.glassdoor.nl", 2014, None),
    ("snapchat", "Snapchat", "Snapchat",
     "Berichtenapp met verdwijnende foto's en video's, vooral in gebruik bij scholieren.",
     "https://www.snapchat.com", 2015, None),
    ("vine", "Vine", "Vine",
     "Platform voor video's van zes seconden; gesloten in januari 2017.",
     "https://vine.co", 2013, "2017-01-17"),
    ("whatsapp", "WhatsApp", "WhatsApp",
     "Berichtendienst; met WhatsApp Business beantwoorden we vragen van kandidaten.",
     "https://www.whatsapp.com", 2016, None),
    ("pinterest", "Pinterest", "Pinterest",
     "Platform voor het verzamelen van beelden op borden.",
     "https://www.pinterest.com", 2012, None),
    ("github", "GitHub", "GitHub",
     "Platform voor softwareontwikkeling, waar ontwikkelaars hun werk laten zien.",
     "https://github.com", 2011, None),
    ("stack-overflow-jobs", "Stack Overflow Jobs", "Stack Overflow Jobs",
     "Vacaturebank van de vraag-en-antwoordsite voor ontwikkelaars; gesloten in maart 2022.",
     "https://stackoverflow.com/jobs", 2012, "2022-03-31"),
    ("flickr", "Flickr", "Flickr",
     "Fotoplatform; gebruikt voor foto's van de werkplek.",
     "https://www.flickr.com", 2009, None),
    ("vimeo", "Vimeo", "Vimeo",
     "Videoplatform zonder advertenties, voor kennismakingsfilms op de werken-bij-site.",
     "https://vimeo.com", 2009, None),
    ("friendfeed", "FriendFeed", "FriendFeed",
     "Dienst die berichten van verschillende netwerken bundelde; gesloten in april 2015.",
     "https://friendfeed.com", 2009, "2015-04-09"),
    ("reddit", "Reddit", "Reddit",
     "Forum met gemeenschappen per onderwerp, waaronder techniek en programmeren.",
     "https://www.reddit.com", 2014, None),
    ("twitch", "Twitch", "Twitch",
     "Platform voor livestreams, vooral van games en techniek.",
     "https://www.twitch.tv", 2019, None),
    ("discord", "Discord", "Discord",
     "Chatplatform met servers per gemeenschap, populair bij studenten en gamers.",
     "https://discord.com", 2020, None),
    ("tumblr", "Tumblr", "Tumblr",
     "Blogplatform voor korte berichten en beeld.",
     "https://www.tumblr.com", 2010, None),
    ("spotify", "Spotify (podcasts)", "Spotify (podcasts)",
     "Podcastplatform, voor onze podcast over werken in de techniek.",
     "https://open.spotify.com", 2019, None),
    ("mastodon", "Mastodon", "Mastodon",
     "Gedecentraliseerd sociaal netwerk, een alternatief voor X.",
     "https://joinmastodon.org", 2022, None),
    ("threads", "Threads", "Threads",
     "Tekstplatform van Meta, verbonden met Instagram.",
     "https://www.threads.net", 2023, None),
    ("bluesky", "Bluesky", "Bluesky",
     "Sociaal netwerk voor korte berichten, sinds 2024 open voor iedereen.",
     "https://bsky.app", 2024, None),
]

# Short names for in running text (the taxonomy name of X is too long for a title).
SHORT = {"twitter": "Twitter", "spotify": "Spotify", "stack-overflow-jobs": "Stack Overflow Jobs"}

# Generated regional communities, for taxonomies larger than the list above.
COMMUNITY_WORDS = ["Techniekforum", "Vakcommunity", "Talentplein", "Banenbord", "Stageplein",
                   "Monteursnet", "Ontwikkelaarsforum", "Werkplein", "Vakmensennet", "Leerbanen"]

# Platform use: guideline recruitment, webcare hours, popularity for accounts.
PLATFORM_USE = {
    "linkedin": (["active", "passive"], 24, 10), "facebook": (["passive", "active"], 8, 9),
    "hyves": (["passive"], 24, 4), "twitter": (["active"], 4, 6), "youtube": (["passive"], 48, 5),
    "instagram": (["passive"], 24, 7), "tiktok": (["passive"], 24, 4), "google-plus": (["passive"], 48, 2),
    "xing": (["active"], 48, 2), "netlog": (["passive"], 48, 1), "indeed": (["active"], 24, 3),
    "glassdoor": (["passive"], 48, 2), "snapchat": (["passive"], 24, 2), "vine": (["passive"], 48, 1),
    "whatsapp": (["active"], 8, 2), "pinterest": (["passive"], 48, 1), "github": (["active"], 48, 1),
    "stack-overflow-jobs": (["active"], 48, 1), "flickr": (["passive"], 48, 1), "vimeo": (["passive"], 48, 1),
    "friendfeed": (["passive"], 48, 1), "reddit": (["active", "passive"], 24, 1),
    "twitch": (["passive"], 24, 1), "discord": (["active", "passive"], 24, 1), "tumblr": (["passive"], 48, 1),
    "spotify": (["passive"], 48, 1), "mastodon": (["passive"], 24, 1), "threads": (["passive"], 24, 1),
    "bluesky": (["passive"], 24, 1),
}

CHANNELS: list[tuple[str, str, str, str, str]] = [
    ("eigen-website", "Eigen website (werken-bij-site)", "Own website (careers site)",
     "De vacaturepagina's op onze eigen werken-bij-site.", "own"),
    ("advertenties", "Advertenties", "Advertisements",
     "Betaalde advertenties, in print, online of als betaald bericht op een sociaal platform.", "paid"),
    ("referrals", "Medewerker werft medewerker", "Employee referrals",
     "Medewerkers dragen kandidaten uit hun eigen netwerk aan, met een aanbrengbonus bij aanname.", "network"),
    ("relaties", "Relaties en netwerk", "Relations and network",
     "Kandidaten via relaties van de organisatie, zoals scholen, leveranciers en oud-collega's.", "network"),
    ("vacaturebanken", "Vacaturebanken", "Job boards",
     "Vacatures op betaalde en gratis vacaturesites, inclusief die van het UWV.", "jobboard"),
    ("sociale-media", "Sociale media", "Social media",
     "Onbetaalde berichten, gesprekken en benaderingen op sociale platforms.", "social"),
    ("evenementen", "Evenementen en open dagen", "Events and open days",
     "Open dagen, banenmarkten en schoolbezoeken.", "other"),
]
CHANNEL_TEXT = {
    "eigen-website": "de werken-bij-site", "advertenties": "betaalde advertenties",
    "referrals": "de aanbrengregeling", "relaties": "scholen en relaties",
    "vacaturebanken": "de vacaturebanken", "sociale-media": "sociale media",
    "evenementen": "open dagen en banenmarkten",
}

SCENARIOS: list[tuple[str, str, str, str, list[str]]] = [
    ("social-broadcasting", "Social Broadcasting", "Social Broadcasting",
     ("Eén centraal team zendt dezelfde berichten uit via veel accounts tegelijk; bruikbaar voor passieve "
      "werving, zij het in beperkte mate."), ["passive"]),
    ("platform-campaign-marketing", "Platform Campaign Marketing", "Platform Campaign Marketing",
     "Een campagne van beperkte duur op één platform, met eigen pagina, content en advertenties.", ["passive"]),
    ("distributed-brand-presence", "Distributed Brand Presence", "Distributed Brand Presence",
     ("Afdelingen, regio's en medewerkers voeren elk hun eigen aanwezigheid onder één merk, met centrale "
      "spelregels."), ["passive", "active"]),
    ("social-customer-care", "Social Customer Care", "Social Customer Care",
     "Webcare: vragen van kandidaten persoonlijk beantwoorden op het platform waar ze gesteld worden.", ["active"]),
    ("social-listening", "Social Listening en Research", "Social Listening and Research",
     "Gesprekken en openbare profielen volgen en analyseren, om kandidaten te vinden en gericht te benaderen.",
     ["active"]),
]

TARGET_GROUPS: list[tuple[str, str, str, str]] = [
    ("studenten", "Studenten en stagiairs", "Students and interns",
     "Mbo- en hbo-studenten die een stage, afstudeerplek of eerste baan zoeken."),
    ("starters", "Starters", "Starters", "Mensen aan het begin van hun loopbaan."),
    ("ervaren-vakmensen", "Ervaren vakmensen", "Experienced professionals",
     "Vakmensen met jaren ervaring, vaak niet actief op zoek."),
    ("zij-instromers", "Zij-instromers", "Career changers", "Mensen die uit een ander vak overstappen."),
    ("herintreders", "Herintreders", "Returners", "Mensen die na een pauze weer aan het werk willen."),
    ("regio", "Inwoners van de regio", "People in the region", "Mensen die dicht bij een vestiging wonen."),
]

TAGS: list[tuple[str, str, str, str]] = [
    ("werkgeversmerk", "Werkgeversmerk", "Employer brand",
     "Hoe we als werkgever gezien worden; het terrein van passieve werving."),
    ("webcare", "Webcare", "Webcare", "Vragen en klachten op sociale media beantwoorden."),
    ("luisteren", "Luisteren", "Listening",
     "Eerst nagaan waar de doelgroep het zelf over heeft, en pas daarna zenden."),
    ("kennisborging", "Kennisborging", "Securing knowledge",
     "Vastleggen wat we leren, zodat een nieuwe collega het kan herhalen."),
    ("dialoogmoe", "Dialoogmoeheid", "Dialogue fatigue",
     "Mensen zijn het zat om steeds gevraagd te worden te liken of te delen."),
    ("rendement", "Rendement", "Return on investment",
     "Wat een inspanning oplevert, vooral in tijd en op de lange termijn."),
    ("wildgroei", "Wildgroei van accounts", "Account sprawl",
     "Accounts die overal ontstaan zonder eigenaar of doel."),
    ("community", "Community", "Community", "Een groep mensen met een gedeeld belang, geen advertentieruimte."),
    ("content", "Content", "Content", "Wat we te vertellen hebben dat de doelgroep zelf interessant vindt."),
    ("techniek", "Technisch personeel", "Technical staff", "Monteurs, technici en andere technische functies."),
    ("ict", "ICT-profielen", "IT profiles", "Schaarse ICT-functies zoals ontwikkelaars en netwerkbeheerders."),
    ("stages", "Stages", "Internships", "Werving van stagiairs en afstudeerders."),
    ("ambassadeurs", "Ambassadeurs", "Ambassadors", "Medewerkers die zelf over hun werk vertellen."),
    ("video", "Video", "Video", "Werkplekvideo's, korte video's en livestreams."),
    ("advertenties", "Advertenties", "Advertising", "Betaalde berichten en de keuze van de doelgroep daarvoor."),
    ("aanbrengbonus", "Aanbrengbonus", "Referral bonus", "De beloning voor medewerkers die een kandidaat aandragen."),
    ("persoonlijk-benaderen", "Persoonlijk benaderen", "Personal outreach",
     "Kandidaten één op één benaderen met een eigen bericht."),
    ("reactietijd", "Reactietijd", "Response time", "Hoe snel een kandidaat antwoord krijgt."),
    ("doelgroep", "Doelgroep", "Target group", "Voor wie we werven en wat die mensen zelf willen."),
    ("meten", "Meten", "Measuring", "Cijfers per kanaal: bereik, gesprekken, sollicitaties, aannames."),
    ("regio", "Regionale werving", "Regional recruitment", "Werving die zich op één regio of vestiging richt."),
    ("zij-instromers", "Zij-instromers", "Career changers", "Kandidaten die uit een ander vak overstappen."),
    ("diversiteit", "Diversiteit", "Diversity", "Een personeelsbestand dat de samenleving weerspiegelt."),
    ("open-dag", "Open dagen", "Open days", "Open dagen, meeloopdagen en banenmarkten."),
    ("procedure", "Sollicitatieprocedure", "Application process",
     "De stappen van sollicitatie tot aanname, en waar kandidaten afhaken."),
    ("budget", "Budget", "Budget", "Wat een campagne mag kosten en waar het geld heen gaat."),
    ("timing", "Timing", "Timing", "Wanneer een bericht of campagne de doelgroep bereikt."),
    ("platformkeuze", "Platformkeuze", "Choice of platform", "Waarom we een platform wel of niet gebruiken."),
    ("inwerken", "Inwerken", "Onboarding", "Hoe nieuwe recruiters leren wat het team al weet."),
    ("stopcriterium", "Stopcriterium", "Stop criterion", "Vooraf afspreken wanneer we met een campagne stoppen."),
]

FIRST_NAMES = [
    "Sanne", "Mark", "Ingrid", "Ruben", "Lotte", "Joost", "Eva", "Fatima", "Daan", "Noor", "Bram", "Thomas",
    "Anouk", "Bas", "Charlotte", "Dennis", "Emma", "Floor", "Gijs", "Hanneke", "Ilse", "Jeroen", "Kim",
    "Lars", "Marloes", "Niels", "Olga", "Pieter", "Quinten", "Roos", "Stijn", "Tessa", "Umut", "Vera",
    "Wouter", "Yara", "Zeynep", "Mohamed", "Ayşe", "Sem", "Julia", "Tim", "Lisa", "Kevin", "Sophie",
    "Rik", "Esther", "Hamza", "Priya", "Chantal", "Marieke", "Youssef", "Femke", "Arjen", "Nadia",
    "Sven", "Merel", "Jasper", "Linda", "Koen", "Iris", "Martijn", "Naomi", "Robin", "Saskia", "Milan",
    "Loes", "Erik", "Renée", "Jelle",
]
LAST_NAMES = [
    "de Vries", "Visser", "Kok", "de Graaf", "Jansen", "Bakker", "Smit", "El Amrani", "Vermeulen",
    "Hendriks", "Peters", "Mulder", "de Jong", "van Dijk", "van den Berg", "Bos", "Meijer", "de Boer",
    "Mulders", "Dekker", "Brouwer", "de Wit", "Dijkstra", "Smits", "de Groot", "van der Meer",
    "Schouten", "van Leeuwen", "Willems", "Hoekstra", "Koster", "Prins", "Huisman", "Postma", "Kuipers",
    "Verbeek", "van Wijk", "Yilmaz", "Öztürk", "Bouali", "Ramdin", "Tahiri", "Nguyen", "van Beek",
    "Maas", "Verhoeven", "Kramer", "van der Linden", "Vos", "Jacobs", "Scholten", "Wolters", "Sanders",
    "van Vliet", "Timmermans", "Groen", "Gerritsen", "Evers", "Lammers", "Veenstra",
]
ROLES = [
    ("Recruiter", "Werving en selectie", 8), ("Corporate recruiter", "Werving en selectie", 4),
    ("Sourcer", "Werving en selectie", 3), ("Campusrecruiter", "Werving en selectie", 2),
    ("Teamleider werving en selectie", "Werving en selectie", 1),
    ("Arbeidsmarktcommunicatie-adviseur", "Arbeidsmarktcommunicatie", 3),
    ("Employer-brandingspecialist", "Marketing en communicatie", 2),
    ("Recruitmentmarketeer", "Marketing en communicatie", 2), ("Contentmaker", "Marketing en communicatie", 2),
    ("Webcaremedewerker", "Klantcontact, webcare", 3), ("Teamleider webcare", "Klantcontact, webcare", 1),
    ("HR-adviseur", "HR", 3), ("HR-manager", "HR", 1), ("HR-data-analist", "HR-analytics", 1),
    ("Stagecoördinator", "Opleidingen", 1),
]

AUDIENCES = [
    "mbo-studenten techniek", "ervaren monteurs", "storingsmonteurs", "ICT-specialisten", "ontwikkelaars",
    "security-specialisten", "cloudengineers", "zij-instromers", "herintreders", "stagiairs", "afstudeerders",
    "hbo-studenten elektrotechniek", "young professionals", "werkvoorbereiders", "planners", "data-analisten",
    "klantadviseurs", "projectleiders", "netbeheerders", "technici in de grensregio", "oud-medewerkers",
    "schoolverlaters", "vrouwen in de techniek", "vakmensen uit de bouw",
]
JOBS = [
    ("monteur", "monteurs"), ("storingsmonteur", "storingsmonteurs"), ("ontwikkelaar", "ontwikkelaars"),
    ("werkvoorbereider", "werkvoorbereiders"), ("projectleider", "projectleiders"),
    ("data-analist", "data-analisten"), ("security-specialist", "security-specialisten"),
    ("planner", "planners"), ("klantadviseur", "klantadviseurs"), ("engineer", "engineers"),
    ("netwerkbeheerder", "netwerkbeheerders"), ("elektrotechnicus", "elektrotechnici"),
    ("leerling-monteur", "leerling-monteurs"), ("stagiair", "stagiairs"),
]
REGIONS = ["Noord", "Oost", "Zuid", "West", "Midden", "Randstad", "Twente", "Brabant", "Limburg", "Friesland",
           "Zeeland", "Achterhoek", "Groningen", "Gelderland", "Utrecht", "Noord-Holland"]
CONTENT = [
    "werkplekvideo's", "verhalen van medewerkers", "een kijkje achter de schermen", "korte video's van een werkdag",
    "foto's van de werkplek", "persoonlijke berichten", "een online vragenuur", "een blog van een stagiair",
    "livestreams vanaf de werkplek", "quizvragen over techniek", "vacatureberichten", "betaalde berichten",
    "een serie over het inwerkprogramma", "interviews met leidinggevenden", "een meeloopdag",
]
TALK = [
    "werktijden en roosters", "de reistijd naar de werkplek", "doorgroeimogelijkheden", "het salaris en de cao",
    "de sfeer in het team", "de duur van de sollicitatieprocedure", "opleidingen en certificaten", "thuiswerken",
    "de auto van de zaak", "de medische keuring", "stageplaatsen en de stagevergoeding",
    "het uitblijven van een reactie op een sollicitatie", "de storingsdiensten in het weekend",
    "de kans op een vast contract",
]
MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
          "oktober", "november", "december"]
SITUATIONS = [
    "niet actief op zoek zijn", "zich oriënteren op een eerste baan", "overwegen van baan te wisselen",
    "net zijn afgestudeerd", "een stageplek zoeken voor het komende schooljaar", "al eens bij ons solliciteerden",
    "dicht bij een van onze vestigingen wonen", "een overstap naar de techniek overwegen",
]
AUDIENCE_GOALS = [
    "Een baan dichtbij huis met werktijden die passen bij het gezin.",
    "Weten hoe een werkdag er echt uitziet voordat ze solliciteren.",
    "Snel en eerlijk antwoord krijgen op praktische vragen, en weten waar ze staan in de procedure.",
    "Werk met maatschappelijke betekenis en technische diepgang.",
    "Een stageplek waar ze echt iets leren en begeleid worden.",
    "Doorgroeien zonder eerst een volledige opleiding te hoeven volgen.",
    "Alleen benaderd worden met een bericht dat over hen gaat.",
    "Van iemand die er al werkt horen hoe het echt is, voordat ze de stap zetten.",
    "Zekerheid over contract, salaris en opleiding voordat ze overstappen.",
    "Collega's van hun eigen niveau en een leidinggevende die het vak kent.",
]
BUSINESS_GOALS = [
    "{n} vacatures voor {jobs} vervullen binnen het jaar.",
    "Het aantal sollicitaties van {audience} verdubbelen.",
    "De kosten per aanname verlagen tot onder {cost} euro.",
    "Minder kandidaten die afhaken tijdens de procedure.",
    "Ons werkgeversmerk bij {audience} versterken.",
    "Binnen een werkdag reageren op elke openbare vraag van een kandidaat.",
    "{n} stageplaatsen invullen voor het nieuwe schooljaar.",
    "Een kwart van alle aannames via de aanbrengregeling.",
    "Meer sollicitaties uit regio {region}.",
    "Een vaste groep volgers opbouwen die vacatures zelf doorstuurt.",
]

# Learning goals: id -> question; lessons use the id as their topic.
GOALS: dict[str, str] = {
    "bereik": "Hoeveel {audience} bereiken we via {platform}?",
    "conversie": "Welk deel van het bereik wordt een sollicitatie?",
    "kosten-per-aanname": "Wat kost een aanname via elk kanaal, in euro's en in uren?",
    "kanaalmix": "Welke mix van kanalen levert de meeste aannames per euro en per uur op?",
    "personalisatie": "Hoeveel meer reacties levert een persoonlijk bericht op dan een standaardbericht?",
    "reactietijd": "Welke reactietijd kunnen we met de huidige bezetting van webcare waarmaken?",
    "waar-praten-ze-over": "Waar praten {audience} over als het over werken bij ons gaat?",
    "content": "Welke content vinden {audience} zelf de moeite van het delen waard?",
    "ambassadeurs": "Willen medewerkers berichten over hun eigen werk delen, en wat levert dat op?",
    "community": "Kunnen we een groep {audience} opbouwen die ook zonder ons actief blijft?",
    "timing": "Op welke dagen en tijden reageren {audience} het meest?",
    "video": "Levert video meer gesprekken op dan tekst en foto?",
    "advertenties": "Wat voegen betaalde berichten toe aan het bereik dat we zelf halen?",
    "aanbrengbonus": "Brengt een hogere aanbrengbonus meer geschikte kandidaten op?",
    "afhakers": "Waarom haken kandidaten af tijdens de procedure?",
    "platformkeuze": "Oriënteren {audience} zich op {platform} op werk?",
    "werkgeversmerk": "Verandert het beeld dat {audience} van ons als werkgever hebben?",
    "tijdsbesteding": "Hoeveel uren per week kost het beheer van de pagina?",
    "stopcriterium": "Bij welke cijfers stoppen we als de campagne niet werkt?",
    "open-dag": "Hoeveel bezoekers van de open dag solliciteren later?",
    "kwaliteit": "Zijn de kandidaten via dit kanaal beter geschikt dan via de vacaturebanken?",
    "regionaal": "Werkt een regionale aanpak beter dan een landelijke?",
    "wie-brengt-aan": "Welke medewerkers brengen kandidaten aan, en via welke weg?",
}
FOUNDATION_GOALS = {"waar-praten-ze-over", "content", "ambassadeurs", "community", "werkgeversmerk",
                    "platformkeuze", "afhakers", "kwaliteit"}
