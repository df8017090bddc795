"""A synthetic data set: many valid records, for benchmarks and load tests.

`synthesize(out, records, seed)` writes a complete `data/` folder the way a
large employer's recruitment team would have filled it over the years
2009-2026: a taxonomy, people who join and leave, campaigns on the platforms
of their time (none on a platform after it closed), lessons drawn from those
campaigns that answer their learning goals, recur and supersede each other,
one guideline per platform and a register of accounts.

Everything comes from one `random.Random(seed)`: the same (records, seed)
gives byte-identical files. Every file is written with PyYAML's safe
representer, so quoting is always right; the text is built from a Dutch
recruitment vocabulary and holds no HTML, email addresses or phone numbers
(the people registry, the one place for contact data, has example ones).
"""

from __future__ import annotations

import random
from bisect import bisect_left
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from generator.records.writing import dump_fields, months_later, slugify
from generator.project.write import write_new


__all__ = ["synthesize"]

# The data set's "today" (the benchmark's SOURCE_DATE_EPOCH): running campaigns started
# before it, planned ones start after it, and nothing was reviewed later.
TODAY = date(2026, 11, 1)
FIRST_YEAR, LAST_YEAR = 2009, 2026
ORG = "Dijkstroom"

# --- YAML --------------------------------------------------------------------------


# --- vocabulary ----------------------------------------------------------------------

# id, name, name_en, description, url, first year we could use it, closed
_PLATFORMS: list[tuple[str, str, str, str, str, int, str | None]] = [
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
_SHORT = {"twitter": "Twitter", "spotify": "Spotify", "stack-overflow-jobs": "Stack Overflow Jobs"}

# Generated regional communities, for taxonomies larger than the list above.
_COMMUNITY_WORDS = ["Techniekforum", "Vakcommunity", "Talentplein", "Banenbord", "Stageplein",
                    "Monteursnet", "Ontwikkelaarsforum", "Werkplein", "Vakmensennet", "Leerbanen"]

# Platform use: guideline recruitment, webcare hours, popularity for accounts.
_PLATFORM_USE = {
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

_CHANNELS: list[tuple[str, str, str, str, str]] = [
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
_CHANNEL_TEXT = {
    "eigen-website": "de werken-bij-site", "advertenties": "betaalde advertenties",
    "referrals": "de aanbrengregeling", "relaties": "scholen en relaties",
    "vacaturebanken": "de vacaturebanken", "sociale-media": "sociale media",
    "evenementen": "open dagen en banenmarkten",
}

_SCENARIOS: list[tuple[str, str, str, str, list[str]]] = [
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

_TAGS: list[tuple[str, str, str, str]] = [
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

_FIRST_NAMES = [
    "Sanne", "Mark", "Ingrid", "Ruben", "Lotte", "Joost", "Eva", "Fatima", "Daan", "Noor", "Bram", "Thomas",
    "Anouk", "Bas", "Charlotte", "Dennis", "Emma", "Floor", "Gijs", "Hanneke", "Ilse", "Jeroen", "Kim",
    "Lars", "Marloes", "Niels", "Olga", "Pieter", "Quinten", "Roos", "Stijn", "Tessa", "Umut", "Vera",
    "Wouter", "Yara", "Zeynep", "Mohamed", "Ayşe", "Sem", "Julia", "Tim", "Lisa", "Kevin", "Sophie",
    "Rik", "Esther", "Hamza", "Priya", "Chantal", "Marieke", "Youssef", "Femke", "Arjen", "Nadia",
    "Sven", "Merel", "Jasper", "Linda", "Koen", "Iris", "Martijn", "Naomi", "Robin", "Saskia", "Milan",
    "Loes", "Erik", "Renée", "Jelle",
]
_LAST_NAMES = [
    "de Vries", "Visser", "Kok", "de Graaf", "Jansen", "Bakker", "Smit", "El Amrani", "Vermeulen",
    "Hendriks", "Peters", "Mulder", "de Jong", "van Dijk", "van den Berg", "Bos", "Meijer", "de Boer",
    "Mulders", "Dekker", "Brouwer", "de Wit", "Dijkstra", "Smits", "de Groot", "van der Meer",
    "Schouten", "van Leeuwen", "Willems", "Hoekstra", "Koster", "Prins", "Huisman", "Postma", "Kuipers",
    "Verbeek", "van Wijk", "Yilmaz", "Öztürk", "Bouali", "Ramdin", "Tahiri", "Nguyen", "van Beek",
    "Maas", "Verhoeven", "Kramer", "van der Linden", "Vos", "Jacobs", "Scholten", "Wolters", "Sanders",
    "van Vliet", "Timmermans", "Groen", "Gerritsen", "Evers", "Lammers", "Veenstra",
]
_ROLES = [
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

_AUDIENCES = [
    "mbo-studenten techniek", "ervaren monteurs", "storingsmonteurs", "ICT-specialisten", "ontwikkelaars",
    "security-specialisten", "cloudengineers", "zij-instromers", "herintreders", "stagiairs", "afstudeerders",
    "hbo-studenten elektrotechniek", "young professionals", "werkvoorbereiders", "planners", "data-analisten",
    "klantadviseurs", "projectleiders", "netbeheerders", "technici in de grensregio", "oud-medewerkers",
    "schoolverlaters", "vrouwen in de techniek", "vakmensen uit de bouw",
]
_JOBS = [
    ("monteur", "monteurs"), ("storingsmonteur", "storingsmonteurs"), ("ontwikkelaar", "ontwikkelaars"),
    ("werkvoorbereider", "werkvoorbereiders"), ("projectleider", "projectleiders"),
    ("data-analist", "data-analisten"), ("security-specialist", "security-specialisten"),
    ("planner", "planners"), ("klantadviseur", "klantadviseurs"), ("engineer", "engineers"),
    ("netwerkbeheerder", "netwerkbeheerders"), ("elektrotechnicus", "elektrotechnici"),
    ("leerling-monteur", "leerling-monteurs"), ("stagiair", "stagiairs"),
]
_REGIONS = ["Noord", "Oost", "Zuid", "West", "Midden", "Randstad", "Twente", "Brabant", "Limburg", "Friesland",
            "Zeeland", "Achterhoek", "Groningen", "Gelderland", "Utrecht", "Noord-Holland"]
_CONTENT = [
    "werkplekvideo's", "verhalen van medewerkers", "een kijkje achter de schermen", "korte video's van een werkdag",
    "foto's van de werkplek", "persoonlijke berichten", "een online vragenuur", "een blog van een stagiair",
    "livestreams vanaf de werkplek", "quizvragen over techniek", "vacatureberichten", "betaalde berichten",
    "een serie over het inwerkprogramma", "interviews met leidinggevenden", "een meeloopdag",
]
_TALK = [
    "werktijden en roosters", "de reistijd naar de werkplek", "doorgroeimogelijkheden", "het salaris en de cao",
    "de sfeer in het team", "de duur van de sollicitatieprocedure", "opleidingen en certificaten", "thuiswerken",
    "de auto van de zaak", "de medische keuring", "stageplaatsen en de stagevergoeding",
    "het uitblijven van een reactie op een sollicitatie", "de storingsdiensten in het weekend",
    "de kans op een vast contract",
]
_MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
           "oktober", "november", "december"]
_SITUATIONS = [
    "niet actief op zoek zijn", "zich oriënteren op een eerste baan", "overwegen van baan te wisselen",
    "net zijn afgestudeerd", "een stageplek zoeken voor het komende schooljaar", "al eens bij ons solliciteerden",
    "dicht bij een van onze vestigingen wonen", "een overstap naar de techniek overwegen",
]
_AUDIENCE_GOALS = [
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
_BUSINESS_GOALS = [
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
_GOALS: dict[str, str] = {
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
_FOUNDATION_GOALS = {"waar-praten-ze-over", "content", "ambassadeurs", "community", "werkgeversmerk",
                     "platformkeuze", "afhakers", "kwaliteit"}


@dataclass(frozen=True)
class _Archetype:
    key: str  # part of the campaign id
    weight: int
    scenarios: tuple[str, ...]
    platforms: tuple[str, ...]  # preferred, in order of preference
    needs_platform: bool
    channels: tuple[str, ...]  # always
    extra_channels: tuple[str, ...]  # some of these
    goals: tuple[str, ...]
    tags: tuple[str, ...]
    titles: tuple[str, ...]
    summaries: tuple[str, ...]


_ARCHETYPES = [
    _Archetype(
        "sourcing", 3, ("social-listening",), ("linkedin", "xing", "github", "stack-overflow-jobs", "twitter"), True,
        ("sociale-media",), ("vacaturebanken", "referrals", "eigen-website"),
        ("personalisatie", "kanaalmix", "kosten-per-aanname", "kwaliteit", "reactietijd", "timing"),
        ("ict", "persoonlijk-benaderen", "rendement", "techniek"),
        ("Sourcing van {jobs} via {platform}", "Actief benaderen van {jobs} op {platform}",
         "{Jobs} zoeken en benaderen via {platform} in {year}", "Persoonlijke benadering van {jobs} in regio {region}"),
        ("Recruiters zochten op {platform} naar {jobs} en benaderden hen persoonlijk, naast {channel}.",
         "Twee sourcers benaderden {audience} via {platform}, eerst met standaardberichten en later persoonlijk."),
    ),
    _Archetype(
        "webcare", 2, ("social-customer-care",), ("twitter", "facebook", "hyves", "whatsapp", "instagram"), True,
        ("sociale-media",), ("eigen-website",),
        ("reactietijd", "waar-praten-ze-over", "afhakers", "tijdsbesteding"),
        ("webcare", "luisteren", "reactietijd", "procedure"),
        ("Webcare voor kandidaten op {platform}", "Vragen van kandidaten beantwoorden via {platform}",
         "Eerst luisteren, dan webcare voor {audience}"),
        ("Webcaremedewerkers beantwoordden vragen van kandidaten op {platform} en verwezen door naar de recruiter.",
         "We volgden wat er over werken bij ons werd gezegd en beantwoordden vragen van kandidaten persoonlijk."),
    ),
    _Archetype(
        "werkgeversmerk", 3, ("platform-campaign-marketing",),
        ("instagram", "youtube", "tiktok", "facebook", "hyves", "snapchat", "vine", "vimeo", "flickr", "spotify"), True,
        ("sociale-media",), ("advertenties", "eigen-website"),
        ("bereik", "content", "video", "werkgeversmerk", "advertenties", "stopcriterium"),
        ("werkgeversmerk", "content", "video", "advertenties"),
        ("{Content} op {platform} voor {audience}", "Employer branding met {content} op {platform}",
         "Achter de schermen bij {org} op {platform}", "{Content} voor {audience} in {year}"),
        ("Een campagne van enkele maanden op {platform} met {content}, gericht op {audience}.",
         "We lieten op {platform} zien hoe een werkdag bij ons eruitziet, met {content} en betaalde berichten."),
    ),
    _Archetype(
        "ambassadeurs", 2, ("distributed-brand-presence",), ("linkedin", "instagram", "facebook", "twitter", "threads"),
        True, ("sociale-media",), ("referrals", "eigen-website"),
        ("ambassadeurs", "bereik", "kwaliteit", "content", "wie-brengt-aan"),
        ("ambassadeurs", "werkgeversmerk", "community"),
        ("Ambassadeurs vertellen over hun werk op {platform}", "Medewerkers als ambassadeur voor {jobs}",
         "Ambassadeursprogramma voor {audience} in regio {region}"),
        (("Medewerkers uit regio {region} schreven op {platform} over hun eigen werk, met steun van "
         "de communicatieafdeling."),
         "Een groep ambassadeurs deelde verhalen over hun werk als {job} in hun eigen netwerk."),
    ),
    _Archetype(
        "vacatures-delen", 2, ("social-broadcasting",),
        ("facebook", "twitter", "linkedin", "hyves", "google-plus", "netlog", "friendfeed", "tumblr"), True,
        ("sociale-media",), ("vacaturebanken", "eigen-website"),
        ("conversie", "tijdsbesteding", "stopcriterium", "platformkeuze", "bereik"),
        ("platformkeuze", "dialoogmoe", "meten", "wildgroei"),
        ("Vacatures voor {jobs} delen via {platform}", "Centraal vacatures uitzenden op {platform}",
         "Fanpagina voor {jobs} op {platform}"),
        ("Een centraal team plaatste alle vacatures voor {jobs} op {platform}, via verschillende accounts tegelijk.",
         ("Elke week verscheen een overzicht van vacatures op {platform}; reacties werden doorgestuurd naar "
         "de recruiters.")),
    ),
    _Archetype(
        "medewerker-werft-medewerker", 2, ("distributed-brand-presence",), ("linkedin", "facebook", "whatsapp"), False,
        ("referrals",), ("sociale-media", "eigen-website", "vacaturebanken"),
        ("aanbrengbonus", "kwaliteit", "kosten-per-aanname", "wie-brengt-aan"),
        ("aanbrengbonus", "ambassadeurs", "rendement"),
        ("Medewerker werft medewerker voor {jobs}", "Aanbrengregeling voor {jobs} in regio {region}",
         "Een hogere aanbrengbonus voor {jobs} in {year}"),
        ("De aanbrengregeling voor {jobs} kreeg een hogere bonus en een deelknop voor het eigen netwerk.",
         ("Medewerkers droegen kandidaten aan uit hun eigen netwerk; wie een {job} aanbracht kreeg een bonus "
         "bij aanname.")),
    ),
    _Archetype(
        "open-dag", 2, ("platform-campaign-marketing", "distributed-brand-presence"),
        ("facebook", "instagram", "tiktok", "hyves", "snapchat"), False,
        ("evenementen",), ("sociale-media", "relaties", "eigen-website"),
        ("open-dag", "regionaal", "platformkeuze", "timing", "conversie"),
        ("open-dag", "regio", "stages"),
        ("Open dag voor {audience} in regio {region}", "Meeloopdagen voor {jobs} in {region}",
         "Banenmarkt en open dag in {region} in {year}"),
        ("Een open dag op de vestiging in regio {region}, aangekondigd via scholen en {channel}.",
         "Kandidaten liepen een dag mee met een {job}; aanmelden kon via {channel}."),
    ),
    _Archetype(
        "community", 1, ("distributed-brand-presence",),
        ("facebook", "linkedin", "discord", "reddit", "hyves", "twitch"), True,
        ("sociale-media",), ("relaties",),
        ("community", "content", "timing", "waar-praten-ze-over"),
        ("community", "luisteren", "content"),
        ("Een community voor {audience} op {platform}", "Vakgroep voor {jobs} op {platform}",
         "Meedoen in bestaande groepen van {jobs}"),
        ("We begonnen op {platform} een groep voor {audience}, met vakinhoud in plaats van vacatures.",
         "Collega's deden mee in bestaande groepen van {jobs} op {platform} en beantwoordden vakvragen."),
    ),
    _Archetype(
        "vacaturebanken", 2, ("social-broadcasting",),
        ("indeed", "glassdoor", "stack-overflow-jobs", "linkedin"), False,
        ("vacaturebanken",), ("advertenties", "eigen-website"),
        ("kanaalmix", "conversie", "kosten-per-aanname", "kwaliteit"),
        ("rendement", "meten", "budget"),
        ("Vacatures voor {jobs} op de vacaturebanken", "Betaalde vermeldingen voor {jobs} in {year}",
         "Vacaturebanken tegenover de eigen werken-bij-site"),
        ("Alle vacatures voor {jobs} stonden op de vacaturebanken; we vergeleken de opbrengst met {channel}.",
         "We betaalden voor vermeldingen op de vacaturebanken en maten per kanaal de kosten per aanname."),
    ),
    _Archetype(
        "stages", 2, ("platform-campaign-marketing",),
        ("instagram", "tiktok", "hyves", "snapchat", "netlog", "youtube"), True,
        ("sociale-media",), ("relaties", "evenementen", "eigen-website"),
        ("platformkeuze", "content", "timing", "bereik"),
        ("stages", "doelgroep", "content"),
        ("Stagiairs werven via {platform} in {year}", "Stageplaatsen voor {audience} op {platform}",
         "Een stagevlog op {platform} voor {audience}"),
        ("Stagiairs vertelden op {platform} over hun stage; scholen in regio {region} deelden de berichten.",
         "Een campagne voor stageplaatsen op {platform}, samen met de stagecoördinatoren van scholen."),
    ),
]

# --- sentences -----------------------------------------------------------------------------

_WHAT = [
    "In {month} zijn we begonnen met {content} op {platform}, gericht op {audience}.",
    "Het team plaatste elke week een bericht over {content}, maar de reacties bleven beperkt.",
    "Na {weeks} weken hadden we {reach} mensen bereikt, maar slechts {apps} sollicitaties ontvangen.",
    "Recruiters benaderden {audience} persoonlijk via {platform} en noteerden elk gesprek.",
    "De vacatures voor {jobs} in regio {region} stonden tegelijk op de vacaturebanken en op de werken-bij-site.",
    "Medewerkers deelden de berichten in hun eigen netwerk, vooral in de eerste twee weken.",
    "Vragen van kandidaten kwamen binnen via {platform}; webcare beantwoordde ze meestal binnen een werkdag.",
    "Halverwege de campagne hebben we het budget verschoven van advertenties naar {content}.",
    "Een groot deel van de reacties ging niet over de vacature, maar over {talk}.",
    "De campagne liep {months} maanden; daarna is de pagina niet meer bijgehouden.",
    "We hebben eerst drie weken geluisterd naar wat {audience} zelf op {platform} bespraken.",
    "De aanbrengbonus werd intern nauwelijks bekendgemaakt, waardoor weinig collega's ervan wisten.",
    "Op de open dag in regio {region} kwamen ruim {visitors} bezoekers, van wie een deel later solliciteerde.",
    "Het account had na het vertrek van de beheerder geen vaste eigenaar meer.",
    "We zetten betaalde berichten in op {platform}, met een selectie op leeftijd en regio.",
    "In {month} bleek dat vrijwel alle aannames via {channel} binnenkwamen.",
    "Het standaardbericht werd door een ontvanger als slecht voorbeeld gedeeld.",
    "Per week besteedden twee collega's samen ongeveer {hours} uur aan het bijhouden van de pagina.",
    "Scholen in regio {region} deelden de berichten met hun leerlingen.",
    "De eerste berichten kregen veel likes, maar nauwelijks vragen over het werk zelf.",
    "Na de zomer daalde het aantal reacties sterk, ook op berichten die eerder goed liepen.",
    "We vroegen medewerkers om mee te denken over de berichten, maar weinigen reageerden.",
]
_LESSON = [
    "Bereik is geen werving: veel weergaven leveren niet vanzelf sollicitaties op.",
    "{Audience} reageren op berichten die over hen gaan, niet op berichten over ons.",
    "Een community is geen advertentieruimte; wie alleen vacatures deelt, verliest het vertrouwen van de groep.",
    "Luisteren voordat je zendt voorkomt dat je antwoord geeft op vragen die niemand stelt.",
    "Persoonlijke benadering kost per bericht meer tijd, maar per gesprek minder.",
    "Zonder vaste eigenaar sterft een account binnen enkele maanden een stille dood.",
    "De keuze voor het platform was minder belangrijk dan de vraag of we iets te vertellen hadden.",
    "Medewerkers zijn de geloofwaardigste ambassadeurs, mits ze over hun eigen werk mogen vertellen.",
    "Snelle webcare maakt de sollicitatieprocedure zichtbaar menselijker.",
    "Wat we niet vastleggen, moeten we later opnieuw leren, en dan betalen we er opnieuw voor.",
    "Een stopcriterium vooraf maakt het makkelijker om op tijd bij te sturen.",
    "{Content} deden het beter dan gewone vacatureberichten.",
    "De kosten per aanname waren via {channel} het laagst, al kostte het kanaal veel uren.",
    ("Employer branding werkt op de lange termijn; binnen een paar maanden zie je weinig effect op het "
    "aantal sollicitaties."),
    "Vragen over {talk} horen in de vacaturetekst, niet pas in het eerste gesprek.",
    "Een reactietijd die we niet kunnen waarmaken, kost meer vertrouwen dan hij oplevert.",
    "Mensen zijn het zat om steeds gevraagd te worden iets te liken of te delen.",
    "Cijfers per kanaal zijn pas bruikbaar als iedereen ze op dezelfde manier bijhoudt.",
    "Kandidaten die via een collega binnenkomen, blijven gemiddeld langer.",
    "De doelgroep was op {platform} wel aanwezig, maar niet op zoek naar werk.",
]
_RECOMMENDATION = [
    "Begin elke campagne met twee tot vier weken luisteren naar de doelgroep.",
    "Leg vooraf vast welke leerdoelen de campagne heeft en wie de kennis borgt.",
    "Wijs voor elk account een eigenaar en een vervanger aan.",
    "Meet per kanaal niet alleen het bereik, maar ook gesprekken, sollicitaties en aannames.",
    "Schrijf berichten aan {audience} persoonlijk en verwijs naar iets wat ze zelf hebben gedeeld.",
    "Spreek vooraf een stopcriterium af, bijvoorbeeld een maximum aan kosten per sollicitatie.",
    "Laat medewerkers zelf vertellen over hun werk in plaats van centrale berichten te delen.",
    "Zet {content} eerst klein in en schaal pas op als de cijfers dat rechtvaardigen.",
    "Neem deze les op in het inwerkprogramma van nieuwe recruiters.",
    "Beantwoord vragen op {platform} binnen {webcare} uur, ook buiten kantoortijd.",
    "Plaats geen vacatures in groepen waar je zelf niet actief bent.",
    "Gebruik {platform} alleen als de doelgroep daar zelf actief is.",
    "Noem in elke vacature voor {jobs} hoe het zit met {talk}.",
    "Vraag de doelgroep niet om te delen, maar geef ze iets wat het delen waard is.",
    "Bespreek de cijfers halverwege met de kennisbeheerder en stuur zo nodig bij.",
]
_LISTENING = [
    "{Audience} praten op {platform} vooral over {talk}.",
    "Over werken bij ons werd weinig gezegd; als het al ter sprake kwam, ging het over {talk}.",
    "Opvallend vaak werd gevraagd naar {talk}.",
    "Er bestond al een actieve groep van {audience} in regio {region}, beheerd door een vakgenoot.",
    "Vacatures die in groepen werden geplaatst, kregen vooral geïrriteerde reacties.",
    "In een korte enquête onder medewerkers zei een ruime meerderheid best een vacature te willen delen.",
    "De meeste vragen kwamen 's avonds binnen, na werktijd.",
    "Concurrenten in regio {region} adverteerden vooral met salaris; over het werk zelf zeiden ze weinig.",
]
_BULLETS = [
    "een vaste eigenaar per account", "wekelijks een kort overzicht van de gesprekken",
    "cijfers per kanaal in één overzicht", "voorbeeldberichten in de richtlijn",
    "een reactie binnen een werkdag", "een stopcriterium dat vooraf is afgesproken",
    "verhalen van medewerkers in plaats van vacatureteksten", "een vervanger bij vakantie en ziekte",
    "de aanbrengbonus zichtbaar op het intranet", "een korte evaluatie direct na afloop",
    "vragen van kandidaten doorzetten naar de juiste recruiter", "het inwerkprogramma van nieuwe recruiters",
]
_BOLD = ["Let op:", "Kern:", "Belangrijk:", "Kort gezegd:"]
_BODY_HEADINGS = [("Aanleiding", "Aanpak", "Uitkomst"), ("Waarom we begonnen", "Wat we deden", "Wat het opleverde"),
                  ("Achtergrond", "Verloop", "Na afloop")]
_LESSON_TITLES = [
    "{Content} werkt beter dan vacatureberichten",
    "Bereik op {platform} leverde weinig sollicitaties op",
    "Zonder eigenaar verwatert een account binnen maanden",
    "Persoonlijke berichten krijgen vaker antwoord dan standaardberichten",
    "Eerst luisteren, dan pas zenden naar {audience}",
    "{Audience} willen weten hoe het werk echt is",
    "Een community is geen advertentieruimte",
    "Snelle webcare houdt kandidaten in de procedure",
    "De aanbrengbonus werkt alleen als collega's ervan weten",
    "Betaalde berichten kopen bereik, geen sollicitaties",
    "Een stopcriterium vooraf had geld bespaard",
    "Open dagen leveren vooral later sollicitaties op",
    "Vragen over {talk} horen in de vacature",
    "Ambassadeurs zijn geloofwaardiger dan het centrale account",
    "Cijfers per kanaal maken de keuze eenvoudiger",
    "Het platform was niet het probleem",
    "Scholen zijn de beste weg naar {audience}",
    "Video van de werkplek wordt vaker gedeeld",
    "Een regionale aanpak werkt beter voor {jobs}",
    "Kennis die niet wordt overgedragen, wordt opnieuw betaald",
]
_TOPIC_TITLES: dict[str, list[str]] = {
    "personalisatie": ["Persoonlijke berichten krijgen vaker antwoord dan standaardberichten",
                       "Standaardberichten aan {audience} worden genegeerd"],
    "reactietijd": ["Snelle webcare houdt kandidaten in de procedure",
                    "Beloof geen reactietijd die webcare niet haalt"],
    "bereik": ["Bereik op {platform} leverde weinig sollicitaties op",
               "Veel weergaven, weinig sollicitaties op {platform}"],
    "conversie": ["Bereik op {platform} leverde weinig sollicitaties op",
                  "Van bereik naar sollicitatie gaat via een gesprek"],
    "content": ["{Content} werkt beter dan vacatureberichten", "{Audience} delen wat over hen gaat"],
    "community": ["Een community is geen advertentieruimte", "Een groep blijft alleen actief met vakinhoud"],
    "aanbrengbonus": ["De aanbrengbonus werkt alleen als collega's ervan weten",
                      "Een hogere bonus bracht niet meer kandidaten"],
    "advertenties": ["Betaalde berichten kopen bereik, geen sollicitaties"],
    "stopcriterium": ["Een stopcriterium vooraf had geld bespaard", "Stoppen is lastig zonder afspraak vooraf"],
    "open-dag": ["Open dagen leveren vooral later sollicitaties op"],
    "ambassadeurs": ["Ambassadeurs zijn geloofwaardiger dan het centrale account",
                     "Medewerkers delen alleen wat over hun eigen werk gaat"],
    "kanaalmix": ["Cijfers per kanaal maken de keuze eenvoudiger", "De goedkoopste aanname kwam via {channel}"],
    "kosten-per-aanname": ["De goedkoopste aanname kwam via {channel}", "Uren tellen mee in de kosten per aanname"],
    "platformkeuze": ["Het platform was niet het probleem", "{Audience} zoeken op {platform} geen werk"],
    "regionaal": ["Een regionale aanpak werkt beter voor {jobs}"],
    "video": ["Video van de werkplek wordt vaker gedeeld"],
    "waar-praten-ze-over": ["Eerst luisteren, dan pas zenden naar {audience}",
                            "Vragen over {talk} horen in de vacature"],
    "afhakers": ["Kandidaten haken af als ze niets horen", "Een bevestiging binnen twee dagen houdt kandidaten vast"],
    "tijdsbesteding": ["Een pagina bijhouden kost meer uren dan gedacht"],
    "wie-brengt-aan": ["Vooral ervaren collega's brengen kandidaten aan"],
    "kwaliteit": ["Kandidaten via collega's passen beter bij het werk"],
    "timing": ["{Audience} reageren vooral 's avonds en in het weekend"],
    "werkgeversmerk": ["Een beter werkgeversmerk kost jaren, geen maanden"],
}
_EVIDENCE = [
    "Via {platform} {reach} mensen bereikt, {apps} sollicitaties en {hires} aannames.",
    "Standaardbericht circa {sent} verzonden, {replies} reacties ({pct} procent).",
    "Gemiddelde reactietijd van webcare: {webcare} uur.",
    "Kosten per aanname via {channel}: ongeveer {cost} euro.",
    "Evaluatie met de recruiters in {month}.",
    "{pct} procent van de sollicitanten noemde een collega als reden om te solliciteren.",
]
_DOS = [
    "Lees wat iemand zelf deelt voordat je een bericht stuurt.",
    "Beantwoord vragen van kandidaten persoonlijk en onderteken met je voornaam.",
    "Laat medewerkers over hun eigen werk vertellen.",
    "Noteer elk gesprek en elke aanname per kanaal.",
    "Volg zoektermen rond onze naam in combinatie met solliciteren, vacature en stage.",
    "Neem een gesprek over een sollicitatie over naar een privébericht.",
    "Plaats beeld van de echte werkplek, met toestemming van de collega's die erop staan.",
    "Verwijs voor vacatures naar de werken-bij-site.",
    "Spreek vooraf af wie de berichten in vakanties bijhoudt.",
    "Stem grote campagnes af met arbeidsmarktcommunicatie.",
]
_DONTS = [
    "Geen vacatures plaatsen in groepen waar we geen lid van zijn.",
    "Geen berichten in bulk of met een standaardtekst versturen.",
    "Niet ingaan op persoonlijke gegevens van een kandidaat in een openbaar bericht.",
    "Geen reactietijd beloven die de bezetting niet aankan.",
    "Geen nieuw account openen zonder het in het register te zetten.",
    "Geen \"uitdagende functie\" aanbieden zonder te zeggen welke.",
    "Niet meer dan twee keer iemand benaderen die niet reageert.",
    "Geen stockfoto's gebruiken als beeld van de werkplek.",
    "Niet vragen om te liken of te delen.",
]
_TONES = [
    "Collegiaal en vakinhoudelijk; schrijf als een vakgenoot, niet als een verkoper.",
    "Kort, behulpzaam en persoonlijk; onderteken met je voornaam.",
    "Informeel en enthousiast, zonder uitroeptekens en zonder jargon.",
    "Eerlijk en concreet: laat zien hoe het werk echt is, ook de minder leuke kanten.",
    "Rustig en zakelijk; noem feiten in plaats van superlatieven.",
]
_APPROVALS = [
    ("Recruiters versturen hun eigen berichten; berichten op de bedrijfspagina keurt de "
    "employer-brandingspecialist goed."),
    "Webcaremedewerkers reageren zelfstandig; bij twijfel beslist de teamleider webcare.",
    "Elke campagne wordt vooraf goedgekeurd door arbeidsmarktcommunicatie.",
    "Ambassadeurs schrijven zelf; alleen betaalde berichten gaan langs marketing en communicatie.",
    "De eigenaar van het account keurt berichten goed; bij een campagne ook de teamleider werving en selectie.",
]
_ACCOUNT_SUBJECTS = [
    ("werken-bij", "Werken bij {org}", "Algemene werken-bij-pagina met vacatures, verhalen van medewerkers en nieuws."),
    ("techniek", "{org} Techniek", "Verhalen en vacatures voor monteurs en andere technische functies."),
    ("stages", "{org} Stages", "Stages en afstudeerplekken; bereikt studenten en hun docenten."),
    ("ict", "{org} ICT", "Vacatures en vakinhoud voor ontwikkelaars en andere ICT-specialisten."),
    ("academy", "{org} Academy", "Opleidingen en leerwerktrajecten; bereikt zij-instromers."),
    ("ambassadeurs", "Ambassadeurs {org}", "Gedeelde plek van het ambassadeursprogramma."),
    ("webcare", "{org} Helpt", "Webcare: vragen van kandidaten en klanten beantwoorden."),
    ("open-dag", "Open dag {org}", "Aankondigingen van open dagen en meeloopdagen."),
    ("monteurs", "Word monteur bij {org}", "Campagnepagina voor de werving van monteurs."),
    ("vacatures", "Vacatures {org}", "Vacatures uit de eigen werken-bij-site, automatisch doorgeplaatst."),
    ("traineeship", "Traineeship {org}", "Het traineeprogramma voor hbo- en wo-afgestudeerden."),
    ("talentpool", "Talentpool {org}", "Contact houden met kandidaten die eerder solliciteerden."),
]
_REVIEW_MONTHS = [6, 12, 12, 12, 24]

# --- helpers -----------------------------------------------------------------------------------


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def _day(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def _between(rng: random.Random, first: date, last: date) -> date:
    if last <= first:
        return first
    return date.fromordinal(rng.randint(first.toordinal(), last.toordinal()))


def _wrap(text: str, width: int = 78) -> str:
    """Hard-wrap a paragraph the way authors do (on spaces only)."""
    lines: list[str] = []
    line = ""
    for word in text.split(" "):
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    if line:
        lines.append(line)
    return "\n".join(lines)


class _Ctx(dict):
    """Template slots; `{Name}` is the capitalised form of `{name}`."""

    def __missing__(self, key: str) -> str:
        lower = key[:1].lower() + key[1:]
        if lower != key and lower in self:
            return _cap(self[lower])
        raise KeyError(key)


class _Writer:
    """Builds Dutch text from the vocabulary above."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng

    def sentences(self, pool: list[str], ctx: _Ctx, count: int) -> str:
        return " ".join(t.format_map(ctx) for t in self.rng.sample(pool, count))

    def markdown(self, pool: list[str], ctx: _Ctx, paragraphs: tuple[int, int] = (1, 3),
                 leads: tuple[str, ...] = ()) -> str:
        """1-4 short paragraphs (no sentence twice), sometimes a bold lead or,
        where `leads` are given, a bullet list."""
        rng = self.rng
        sizes = [rng.randint(1, 3) for _ in range(rng.randint(*paragraphs))]
        picked = rng.sample(pool, min(sum(sizes), len(pool)))
        parts: list[str] = []
        at = 0
        for size in sizes:
            chunk = picked[at : at + size]
            at += size
            if not chunk:
                break
            text = " ".join(t.format_map(ctx) for t in chunk)
            if not parts and rng.random() < 0.15:
                text = f"**{rng.choice(_BOLD)}** {text}"
            parts.append(_wrap(text))
        if leads and rng.random() < 0.25:
            items = rng.sample(_BULLETS, rng.randint(2, 4))
            block = rng.choice(leads) + "\n\n" + "\n".join(f"- {_cap(i)}" for i in items)
            parts.insert(rng.randint(1, len(parts)), block)
        return "\n\n".join(parts) + "\n"

    def title(self, templates: tuple[str, ...] | list[str], ctx: _Ctx, fallback: str) -> str:
        for _ in range(10):
            text = self.rng.choice(templates).format_map(ctx)
            if 4 <= len(text.split()) <= 10:
                return text
        return fallback


# --- the data set ------------------------------------------------------------------------------


@dataclass
class _Platform:
    id: str
    name: str
    short: str
    url: str
    opened: int
    closed: date | None
    recruitment: list[str]
    webcare: int
    weight: int
    fields: dict[str, Any]


@dataclass
class _Person:
    id: str
    first: str
    last: str
    joined: date
    left: date | None = None
    successor: str | None = None


@dataclass
class _Campaign:
    id: str
    arch: _Archetype
    start: date
    end: date | None
    status: str
    platforms: list[str]
    channels: list[str]
    goals: list[str]
    ctx: _Ctx
    fields: dict[str, Any] = field(default_factory=dict)


@dataclass
class _Lesson:
    date: date
    campaigns: list[_Campaign]
    answers: list[tuple[_Campaign, str]]
    topic: str
    id: str = ""
    superseded_by: _Lesson | None = None
    recurs: _Lesson | None = None


class _Synth:
    def __init__(self, records: int, seed: int) -> None:
        self.rng = random.Random(seed)
        self.text = _Writer(self.rng)
        n = max(records, 1)
        self.n_platforms = max(8, n // 400)
        self.n_people = max(12, round(n * 0.08))
        self.n_accounts = round(n * 0.15)
        self.n_campaigns = max(1, round(n * 0.20))
        self.n_lessons = max(0, n - self.n_platforms - self.n_people - self.n_accounts - self.n_campaigns)
        self.files: list[tuple[str, str, str]] = []  # folder, file name, content

    # -- writing ---------------------------------------------------------------------

    def emit(self, folder: str, ident: str, fields: dict[str, Any], body: str | None) -> None:
        front = dump_fields(fields)
        if body is None:
            self.files.append((folder, f"{ident}.yml", front))
        else:
            self.files.append((folder, f"{ident}.md", f"---\n{front}---\n\n{body.rstrip()}\n"))

    def as_md(self, share: float = 0.25) -> bool:
        """Whether a record is written as Markdown with a story below its fields."""
        return self.rng.random() < share

    # -- taxonomy -----------------------------------------------------------------------

    def taxonomy(self) -> None:
        rng = self.rng
        self.platforms: dict[str, _Platform] = {}
        for pid, name, name_en, description, url, opened, closed in _PLATFORMS[: self.n_platforms]:
            recruitment, webcare, weight = _PLATFORM_USE[pid]
            fields: dict[str, Any] = {"name": name, "name_en": name_en, "description": description, "url": url}
            if closed:
                fields["closed"] = _day(closed)
            self.platforms[pid] = _Platform(pid, name, _SHORT.get(pid, name), url, opened, _day(closed),
                                            recruitment, webcare, weight, fields)
        # Larger organisations also use regional communities and niche sites.
        regions = list(_REGIONS)
        words = list(_COMMUNITY_WORDS)
        while len(self.platforms) < self.n_platforms:
            word, region = rng.choice(words), rng.choice(regions)
            name = f"{word} {region}"
            pid = slugify(name)
            if pid in self.platforms:
                name = f"{name} {len(self.platforms)}"
                pid = slugify(name)
            opened = rng.randint(2009, 2022)
            closed = None
            if rng.random() < 0.12 and opened <= 2020:
                closed = _between(rng, date(opened + 2, 1, 1), date(min(opened + 8, 2025), 12, 31))
            description = (f"Regionale {rng.choice(['community', 'vacaturesite', 'vakcommunity'])} voor "
                           f"{rng.choice(_AUDIENCES)} in regio {region}.")
            if closed:
                description += f" Gesloten in {_MONTHS[closed.month - 1]} {closed.year}."
            url = f"https://www.{pid.replace('-', '')}.nl"
            fields = {"name": name, "name_en": name, "description": description, "url": url}
            if closed:
                fields["closed"] = closed
            self.platforms[pid] = _Platform(pid, name, name, url, opened, closed,
                                            rng.choice([["active"], ["passive"], ["active", "passive"]]),
                                            rng.choice([8, 24, 48]), 1, fields)
        taxonomy = {
            "platforms": {p.id: p.fields for p in self.platforms.values()},
            "channels": {cid: {"name": name, "name_en": name_en, "description": description, "group": group}
                         for cid, name, name_en, description, group in _CHANNELS},
            "scenarios": {sid: {"name": name, "name_en": name_en, "description": description, "suits": list(suits)}
                          for sid, name, name_en, description, suits in _SCENARIOS},
            "tags": {tid: {"name": name, "name_en": name_en, "description": description}
                     for tid, name, name_en, description in _TAGS},
        }
        header = ("# De vaste woordenlijsten van het handboek: platforms, kanalen, scenario's en tags.\n"
                  "# Synthetische gegevens, gemaakt door handbook synth.\n\n")
        self.files.append(("", "taxonomy.yml", header + dump_fields(taxonomy)))
        self.scenario_suits = {sid: suits for sid, _, _, _, suits in _SCENARIOS}
        self.tag_ids = [t[0] for t in _TAGS]

    def available(self, day: date) -> list[str]:
        return [p.id for p in self.platforms.values()
                if p.opened <= day.year and (p.closed is None or day < p.closed)]

    # -- people ----------------------------------------------------------------------------

    def people(self) -> None:
        rng = self.rng
        self.staff: list[_Person] = []
        taken: dict[str, int] = {}
        emails: dict[str, int] = {}
        roles = [r for r in _ROLES for _ in range(r[2])]
        for index in range(self.n_people):
            first, last = rng.choice(_FIRST_NAMES), rng.choice(_LAST_NAMES)
            pid = slugify(f"{first} {last}")
            taken[pid] = taken.get(pid, 0) + 1
            if taken[pid] > 1:
                pid = f"{pid}-{taken[pid]}"
            # A core that was there in 2009, the rest joining over the years.
            if index < max(4, self.n_people // 4):
                joined = _between(rng, date(1996, 1, 1), date(2008, 12, 31))
            else:
                joined = _between(rng, date(2003, 1, 1), date(2025, 12, 31))
            self.staff.append(_Person(pid, first, last, joined))
        # About one in ten has left; half of those handed over to a successor.
        n_left = max(1, round(self.n_people * 0.10))
        leavers = rng.sample(self.staff[1:], n_left)  # the first stays: someone is always there
        for person in leavers:
            earliest = max(person.joined + timedelta(days=365), date(2010, 1, 1))
            person.left = _between(rng, earliest, TODAY - timedelta(days=30))
        stayers = [p for p in self.staff if p.left is None]
        for person in leavers[: (n_left + 1) // 2]:
            candidates = [p for p in stayers if p.joined <= person.left] or stayers  # type: ignore[operator]
            person.successor = rng.choice(candidates).id
        self.stayers = stayers
        self.by_id = {p.id: p for p in self.staff}
        # Who worked here in a given year (owners and authors come from them).
        self.active_in: dict[int, list[_Person]] = {}
        for year in range(FIRST_YEAR - 1, LAST_YEAR + 2):
            here = [p for p in self.staff
                    if p.joined.year <= year and (p.left is None or p.left.year >= year)]
            self.active_in[year] = here or stayers

        for index, person in enumerate(self.staff):
            role, team, _ = rng.choice(roles)
            if team == "Werving en selectie" and rng.random() < 0.3:
                team = f"{team}, regio {rng.choice(_REGIONS)}"
            local = slugify(f"{person.first}.{person.last.replace(' ', '')}").replace("-", ".")
            emails[local] = emails.get(local, 0) + 1
            if emails[local] > 1:
                local = f"{local}{emails[local]}"
            fields: dict[str, Any] = {"name": f"{person.first} {person.last}", "role": role, "team": team,
                                      "email": f"{local}@example.org"}
            if rng.random() < 0.7:
                fields["phone"] = f"+31 6 0000 {index + 1:04d}"
            fields["joined"] = person.joined
            if person.left:
                fields["left"] = person.left
            if person.successor:
                fields["successor"] = person.successor
            fields["tags"] = rng.sample(self.tag_ids, rng.randint(1, 2))
            body = None
            if self.as_md():
                ctx = _Ctx(audience=rng.choice(_AUDIENCES), region=rng.choice(_REGIONS))
                body = _wrap(f"{person.first} is aanspreekpunt voor de werving van {ctx['audience']} en kent de "
                             f"lessen van het team in regio {ctx['region']}.")
                if person.left:
                    when = f"{_MONTHS[person.left.month - 1]} {person.left.year}"
                    body += "\n\n" + _wrap(
                        f"Bij het vertrek in {when} is de kennis overgedragen aan de opvolger." if person.successor
                        else f"Vertrokken in {when}; de kennis heeft nog geen nieuwe eigenaar.")
            self.emit("people", person.id, fields, body)

    def someone(self, day: date) -> _Person:
        return self.rng.choice(self.active_in[min(max(day.year, FIRST_YEAR - 1), LAST_YEAR + 1)])

    # -- campaigns ---------------------------------------------------------------------------

    def campaign_structure(self) -> None:
        rng = self.rng
        years = list(range(FIRST_YEAR, LAST_YEAR + 1))
        year_weights = [10 + 2 * (y - FIRST_YEAR) for y in years]
        arch_weights = [a.weight for a in _ARCHETYPES]
        planned: list[tuple[date, _Archetype]] = []
        for _ in range(self.n_campaigns):
            year = rng.choices(years, year_weights)[0]
            start = _between(rng, date(year, 1, 5), date(year, 12, 20))
            planned.append((start, rng.choices(_ARCHETYPES, arch_weights)[0]))
        planned.sort(key=lambda item: (item[0], item[1].key))
        width = max(4, len(str(self.n_campaigns)))
        self.campaigns: list[_Campaign] = []
        for seq, (start, arch) in enumerate(planned, 1):
            open_now = self.available(start)
            platforms = [p for p in arch.platforms if p in open_now]
            if not platforms and arch.needs_platform:
                platforms = [p for p in open_now if p not in ("indeed", "glassdoor", "stack-overflow-jobs")] or open_now
            if platforms:
                if arch.needs_platform or rng.random() < 0.6:
                    # Mostly the platform first in line for the archetype, sometimes a second one.
                    first = platforms[0] if rng.random() < 0.5 else rng.choice(platforms)
                    chosen = [first]
                    rest = [p for p in platforms if p != first]
                    if rest and rng.random() < 0.35:
                        chosen += rng.sample(rest, min(len(rest), rng.randint(1, 2)))
                    # Now and then a small regional community too.
                    extras = [p for p in open_now if self.platforms[p].weight == 1 and p not in chosen]
                    if extras and rng.random() < 0.1:
                        chosen.append(rng.choice(extras))
                    platforms = chosen
                else:
                    platforms = []
            channels = list(arch.channels)
            if platforms and "sociale-media" not in channels:
                channels.append("sociale-media")
            extra = [c for c in arch.extra_channels if c not in channels]
            channels += rng.sample(extra, rng.randint(0, len(extra)))
            # Status and period, relative to the data set's today.
            closing = min((self.platforms[p].closed for p in platforms if self.platforms[p].closed), default=None)
            length = rng.randint(21, 300)
            end: date | None = start + timedelta(days=length)
            if closing is not None and end > closing:  # type: ignore[operator]
                end = max(closing, start + timedelta(days=7))
            if start > TODAY:
                status = "planned"
                end = end if rng.random() < 0.5 else None
            elif end > TODAY:  # type: ignore[operator]
                status, end = "running", None
            elif rng.random() < 0.08:
                status = "stopped"
                end = start + timedelta(days=max(7, (end - start).days // 3))  # type: ignore[operator]
            else:
                status = "finished"
            goals = rng.sample(arch.goals, min(len(arch.goals), rng.choices([1, 2, 3], [3, 5, 2])[0]))
            job, jobs = rng.choice(_JOBS)
            main = platforms[0] if platforms else None
            audience = rng.choice(_AUDIENCES) if rng.random() < 0.5 else rng.choice(["ervaren ", ""]) + jobs
            ctx = _Ctx(
                platform=self.platforms[main].short if main else "sociale media",
                audience=audience, job=job, jobs=jobs, region=rng.choice(_REGIONS),
                content=rng.choice(_CONTENT), talk=rng.choice(_TALK), month=_MONTHS[start.month - 1],
                channel=_CHANNEL_TEXT[rng.choice(channels)], year=str(start.year), org=ORG,
                webcare=str(self.platforms[main].webcare if main else 24), **self.figures(),
            )
            prefix = main if main else channels[0]
            if arch.key.startswith(prefix):
                prefix = ""
            cid = "-".join(part for part in (prefix, arch.key, str(start.year), f"{seq:0{width}d}") if part)
            if len(cid) > 64:
                cid = f"{arch.key}-{start.year}-{seq:0{width}d}"
            self.campaigns.append(_Campaign(cid, arch, start, end, status, platforms, channels, goals, ctx))

    def figures(self) -> dict[str, str]:
        """Numbers for running text (never with a leading zero)."""
        rng = self.rng
        return {"reach": str(rng.randint(2, 90) * 500), "apps": str(rng.randint(2, 60)),
                "weeks": str(rng.randint(2, 12)), "months": str(rng.randint(2, 9)),
                "visitors": str(rng.randint(4, 40) * 10), "hours": str(rng.randint(3, 16))}

    def results(self, campaign: _Campaign) -> list[dict[str, Any]]:
        rng = self.rng
        rows: list[dict[str, Any]] = []
        scale = 1.0 if campaign.status == "finished" else 0.4
        for channel in campaign.channels:
            if rng.random() < 0.15:
                continue  # no figures kept for this channel
            targets: list[str | None] = [None]
            if channel == "sociale-media" and campaign.platforms:
                targets = list(campaign.platforms)
            elif channel == "advertenties" and campaign.platforms and rng.random() < 0.6:
                targets = [rng.choice(campaign.platforms)]
            for platform in targets:
                row: dict[str, Any] = {"channel": channel}
                if platform:
                    row["platform"] = platform
                if channel in ("referrals", "relaties"):
                    reach = None
                    apps = int(rng.randint(3, 60) * scale)
                elif channel == "evenementen":
                    reach = int(rng.randint(80, 2500) * scale)
                    apps = int(reach * rng.uniform(0.01, 0.12))
                else:
                    low, high = {"advertenties": (8000, 250000), "vacaturebanken": (4000, 60000),
                                 "eigen-website": (5000, 45000)}.get(channel, (800, 80000))
                    reach = int(rng.randint(low, high) * scale)
                    apps = int(reach * rng.uniform(0.0005, 0.01))
                if reach is not None:
                    row["reach"] = reach
                    if channel in ("sociale-media", "advertenties"):
                        engagement = int(reach * rng.uniform(0.01, 0.09))
                        row["engagement"] = engagement
                        if rng.random() < 0.7:
                            row["shares"] = int(engagement * rng.uniform(0.02, 0.25))
                if channel in ("sociale-media", "evenementen", "referrals") and rng.random() < 0.7:
                    row["conversations"] = apps + rng.randint(0, 5 * apps + 10)
                row["applications"] = apps
                row["hires"] = int(apps * rng.uniform(0.0, 0.2))
                if rng.random() < 0.85:
                    cost = {"advertenties": rng.randint(500, 30000), "vacaturebanken": rng.randint(300, 12000),
                            "referrals": row["hires"] * rng.choice([500, 750, 1000, 1500, 2000])}.get(
                        channel, rng.choice([0, 0, rng.randint(100, 5000)]))
                    row["cost"] = cost
                if rng.random() < 0.8:
                    hours = rng.randint(4, 600)
                    row["hours"] = hours if rng.random() < 0.8 else hours + 0.5
                rows.append(row)
        return rows

    def campaign_records(self) -> None:
        rng, text = self.rng, self.text
        for campaign in self.campaigns:
            arch, ctx = campaign.arch, campaign.ctx
            owner = self.someone(campaign.start)
            knowledge_owner = owner if rng.random() < 0.4 else self.someone(campaign.start)
            scenario = rng.choice(arch.scenarios)
            recruitment = rng.choice(self.scenario_suits[scenario])
            fields: dict[str, Any] = {
                "title": text.title(arch.titles, ctx,
                                    f"Campagne {arch.key.replace('-', ' ')} in {campaign.start.year}"),
                "summary": text.sentences(list(arch.summaries), ctx, rng.randint(1, 2)),
                "status": campaign.status,
                "period": {"start": campaign.start, **({"end": campaign.end} if campaign.end else {})},
                "owner": owner.id,
                "knowledge_owner": knowledge_owner.id,
                "recruitment": recruitment,
                "scenario": scenario,
            }
            campaign.fields["scenario"] = scenario
            if campaign.platforms:
                fields["platforms"] = list(campaign.platforms)
            fields["channels"] = list(campaign.channels)
            fields["audience"] = f"{_cap(ctx['audience'])} in regio {ctx['region']} die {rng.choice(_SITUATIONS)}."
            fields["audience_goal"] = rng.choice(_AUDIENCE_GOALS)
            if rng.random() < 0.7:
                fields["listening"] = text.markdown(_LISTENING, ctx, (1, 2))
            goal_ctx = _Ctx(ctx, n=str(rng.randint(3, 40)), cost=str(rng.choice([1500, 2500, 4000, 6000])))
            fields["business_goals"] = [g.format_map(goal_ctx) for g in rng.sample(_BUSINESS_GOALS, rng.randint(1, 3))]
            fields["learning_goals"] = [{"id": g, "question": _GOALS[g].format_map(ctx)} for g in campaign.goals]
            if rng.random() < 0.8:
                fields["budget"] = rng.choice([0, 500, 1000, 2500, 5000, 7500, 10000, 15000, 25000, 40000])
            if campaign.status in ("finished", "stopped") or (campaign.status == "running" and rng.random() < 0.5):
                rows = self.results(campaign)
                if rows:
                    fields["results"] = rows
                campaign.fields["results"] = rows
            if campaign.status != "planned" and rng.random() < 0.6:
                fields["reviewed"] = _between(rng, campaign.end or campaign.start, TODAY)
            fields["tags"] = rng.sample(list(arch.tags), rng.randint(1, min(3, len(arch.tags))))
            body = None
            if self.as_md():
                heads = rng.choice(_BODY_HEADINGS)
                body = "\n\n".join([
                    f"### {heads[0]}", text.markdown(_LISTENING + _LESSON[:4], ctx, (1, 2)).rstrip(),
                    f"### {heads[1]}", text.markdown(_WHAT, ctx, (1, 2)).rstrip(),
                ])
                if campaign.status in ("finished", "stopped"):
                    body += f"\n\n### {heads[2]}\n\n" + text.markdown(_LESSON, ctx, (1, 1)).rstrip()
            self.emit("campaigns", campaign.id, fields, body)

    # -- lessons -----------------------------------------------------------------------------

    def lesson_structure(self) -> None:
        rng = self.rng
        eligible = [c for c in self.campaigns if c.status != "planned" and c.start <= TODAY - timedelta(days=14)]
        starts = [c.start for c in self.campaigns]
        self.lessons: list[_Lesson] = []
        if not eligible:
            self.n_lessons = 0
            return
        for _ in range(self.n_lessons):
            primary = rng.choice(eligible)
            if primary.end is not None:
                day = primary.end + timedelta(days=rng.randint(0, 120))
            else:
                day = primary.start + timedelta(days=rng.randint(14, 240))
            day = max(min(day, TODAY), primary.start + timedelta(days=7))
            chosen = [primary]
            if rng.random() < 0.25:
                # A second campaign that started before the lesson, within a few years.
                low = bisect_left(starts, day - timedelta(days=4 * 365))
                high = bisect_left(starts, day)
                for _ in range(4):
                    if high <= low:
                        break
                    other = self.campaigns[rng.randrange(low, high)]
                    if other is not primary and other.status != "planned" and other.start < day:
                        chosen.append(other)
                        break
            answers: list[tuple[_Campaign, str]] = []
            if rng.random() < 0.88:
                answers.append((primary, rng.choice(primary.goals)))
                if len(primary.goals) > 1 and rng.random() < 0.2:
                    goal = rng.choice(primary.goals)
                    if (primary, goal) not in answers:
                        answers.append((primary, goal))
                if len(chosen) > 1 and rng.random() < 0.4:
                    answers.append((chosen[1], rng.choice(chosen[1].goals)))
            topic = answers[0][1] if answers else primary.arch.key
            self.lessons.append(_Lesson(day, chosen, answers, topic))
        self.lessons.sort(key=lambda lesson: (lesson.date, lesson.campaigns[0].id, lesson.topic))
        width = max(4, len(str(len(self.lessons))))
        for seq, lesson in enumerate(self.lessons, 1):
            lesson.id = f"{lesson.topic}-{lesson.date.year}-{seq:0{width}d}"

        count = len(self.lessons)
        by_topic: dict[str, list[int]] = {}
        for index, lesson in enumerate(self.lessons):
            by_topic.setdefault(lesson.topic, []).append(index)
        dates = [lesson.date for lesson in self.lessons]

        # About 5% superseded by a later lesson that is itself current (no chains, no circles).
        n_super = round(count * 0.05) if count >= 10 else 0
        superseded = set(rng.sample(range(count), n_super))
        for index in sorted(superseded):
            lesson = self.lessons[index]
            first_later = bisect_left(dates, lesson.date + timedelta(days=1))
            same = [i for i in by_topic[lesson.topic] if i >= first_later and i not in superseded]
            candidates = same or [i for i in range(first_later, min(count, first_later + 200)) if i not in superseded]
            if candidates:
                lesson.superseded_by = self.lessons[rng.choice(candidates[:20])]

        # About 5% repeat an earlier lesson: the same mistake again.
        n_recur = round(count * 0.05) if count >= 10 else 0
        for index in rng.sample(range(count), n_recur):
            lesson = self.lessons[index]
            first_same_day = bisect_left(dates, lesson.date)
            year_before = bisect_left(dates, lesson.date - timedelta(days=365))
            same = ([i for i in by_topic[lesson.topic] if i < year_before]
                    or [i for i in by_topic[lesson.topic] if i < first_same_day])
            if same:
                lesson.recurs = self.lessons[rng.choice(same)]
            elif first_same_day > 0:
                lesson.recurs = self.lessons[rng.randrange(first_same_day)]

    def lesson_records(self) -> None:
        rng, text = self.rng, self.text
        for lesson in self.lessons:
            primary = lesson.campaigns[0]
            ctx = _Ctx(primary.ctx, **self.figures(), month=_MONTHS[lesson.date.month - 1])
            level = "foundation" if lesson.topic in _FOUNDATION_GOALS else "execution"
            if rng.random() < 0.15:
                level = "execution" if level == "foundation" else "foundation"
            templates = _TOPIC_TITLES.get(lesson.topic) if rng.random() < 0.6 else None
            title = text.title(templates or _LESSON_TITLES, ctx, "Wat deze campagne ons leerde over werving")
            if lesson.recurs is not None and len(title.split()) < 10:
                title = f"Opnieuw: {title[0].lower() if title[1:2].islower() else title[0]}{title[1:]}"
            fields: dict[str, Any] = {
                "title": title,
                "date": lesson.date,
                "author": self.someone(lesson.date).id,
                "campaigns": [c.id for c in lesson.campaigns],
            }
            if lesson.answers:
                answers = []
                for campaign, goal in lesson.answers:
                    shared = any(goal in other.goals for other in lesson.campaigns if other is not campaign)
                    answers.append(f"{campaign.id}:{goal}" if shared else goal)
                fields["answers"] = answers
            fields["level"] = level
            fields["what_happened"] = text.markdown(_WHAT, ctx, (1, 3), ("Wat werkte:", "Wat ontbrak:"))
            lesson_text = text.markdown(_LESSON, ctx, (1, 2))
            if lesson.recurs is not None:
                lesson_text = _wrap(
                    f"Dit is dezelfde fout als in {_MONTHS[lesson.recurs.date.month - 1]} {lesson.recurs.date.year}. "
                    "De les stond in het handboek, "
                    "maar was bij het team niet bekend.") + "\n\n" + lesson_text
            fields["lesson"] = lesson_text
            if rng.random() < 0.8:
                fields["recommendation"] = text.markdown(
                    _RECOMMENDATION, ctx, (1, 2), ("Wat we nu anders doen:", "Daarvoor is nodig:", "Regel vooraf:"))
            evidence = self.evidence(lesson, ctx)
            if evidence:
                fields["evidence"] = evidence
            applies: dict[str, Any] = {}
            platforms = [p for c in lesson.campaigns for p in c.platforms]
            if platforms:
                applies["platforms"] = list(dict.fromkeys(platforms))[:2]
            applies["channels"] = list(dict.fromkeys(ch for c in lesson.campaigns for ch in c.channels))[:2]
            scenarios = list(dict.fromkeys(c.fields.get("scenario") or c.arch.scenarios[0] for c in lesson.campaigns))
            applies["scenarios"] = scenarios[:1]
            fields["applies_to"] = applies
            if lesson.superseded_by is not None:
                fields["status"] = "superseded"
                fields["superseded_by"] = lesson.superseded_by.id
            else:
                fields["status"] = "proposed" if (TODAY - lesson.date).days < 200 or rng.random() < 0.1 else "accepted"
            if lesson.recurs is not None:
                fields["recurs"] = lesson.recurs.id
            interval = None
            if fields["status"] == "accepted" and rng.random() < 0.6:
                interval = rng.choice([12, 18, 24, 36])
                fields["review_by"] = months_later(lesson.date, interval)
            if rng.random() < 0.5:
                fields["reviewed"] = _between(rng, lesson.date, min(TODAY, lesson.date + timedelta(days=5 * 365)))
                if interval is not None and fields["reviewed"] >= fields["review_by"]:
                    # Whoever reviews it sets the next date, as the check asks.
                    fields["review_by"] = months_later(fields["reviewed"], interval)
            tags = list(primary.arch.tags) + self.tag_ids
            fields["tags"] = list(dict.fromkeys(rng.sample(tags[:4], min(2, len(tags[:4]))) +
                                                rng.sample(self.tag_ids, rng.randint(0, 1))))
            body = None
            if self.as_md():
                body = text.markdown(_WHAT + _RECOMMENDATION, ctx, (1, 2))
                if lesson.superseded_by is not None:
                    body = _wrap(f"Deze les is in {lesson.superseded_by.date.year} vervangen door een nieuwere; "
                                 "lees die eerst.") + "\n\n" + body
            self.emit("lessons", lesson.id, fields, body)

    def evidence(self, lesson: _Lesson, ctx: _Ctx) -> list[str]:
        rng = self.rng
        items: list[str] = []
        rows = lesson.campaigns[0].fields.get("results") or []
        for row in rows[:2]:
            if rng.random() < 0.6 and row.get("reach") and row.get("applications"):
                where = self.platforms[row["platform"]].short if "platform" in row else _CHANNEL_TEXT[row["channel"]]
                hires = row.get("hires") or 0
                items.append(f"Via {where} {row['reach']} mensen bereikt, {row['applications']} sollicitaties en "
                             + (f"{hires} aannames." if hires else "geen aannames."))
        if rng.random() < 0.4:
            sent = rng.randint(4, 90) * 20
            pct = rng.randint(5, 60)
            items.append(rng.choice(_EVIDENCE[1:]).format_map(
                _Ctx(ctx, sent=str(sent), replies=str(sent * pct // 100), pct=str(pct),
                     cost=str(rng.randint(4, 60) * 100))))
        return items

    # -- guidelines and accounts ----------------------------------------------------------------

    def guidelines(self) -> None:
        rng, text = self.rng, self.text
        for platform in self.platforms.values():
            ctx = _Ctx(platform=platform.short, audience=rng.choice(_AUDIENCES), org=ORG,
                       content=rng.choice(_CONTENT), talk=rng.choice(_TALK), region=rng.choice(_REGIONS),
                       jobs=rng.choice(_JOBS)[1], webcare=str(platform.webcare), channel="sociale media")
            summary = {
                ("active",): f"{platform.short} gebruiken we voor actieve werving: kandidaten zoeken, "
                             "persoonlijk benaderen en hun vragen beantwoorden.",
                ("passive",): f"{platform.short} gebruiken we voor employer branding: laten zien hoe het is "
                              "om bij ons te werken.",
            }.get(tuple(platform.recruitment),
                  f"{platform.short} gebruiken we voor actieve werving van schaarse profielen, en daarnaast "
                  "voor employer branding.")
            if platform.closed:
                summary += f" Het platform sloot in {_MONTHS[platform.closed.month - 1]} {platform.closed.year}."
                reviewed = _between(rng, platform.closed - timedelta(days=400), platform.closed - timedelta(days=20))
                owner = rng.choice(self.staff)
            else:
                reviewed = _between(rng, date(2022, 1, 1), TODAY)
                owner = rng.choice(self.stayers)
            fields: dict[str, Any] = {
                "summary": summary,
                "recruitment": list(platform.recruitment),
                "dos": rng.sample(_DOS, rng.randint(2, 5)),
                "donts": rng.sample(_DONTS, rng.randint(2, 4)),
                "tone_of_voice": rng.choice(_TONES),
                "webcare_hours": platform.webcare,
                "approval": rng.choice(_APPROVALS),
                "owner": owner.id,
                "reviewed": reviewed,
                "review_every_months": rng.choice(_REVIEW_MONTHS),
                "tags": rng.sample(self.tag_ids, rng.randint(1, 3)),
            }
            body = None
            # Half the guidelines tell their background: there are few of
            # them (one per platform), and a data set of a few hundred
            # records still has guidelines with a story.
            if self.as_md(0.5):
                body = "## Achtergrond\n\n" + text.markdown(_LESSON + _LISTENING, ctx, (1, 2)).rstrip()
                if rng.random() < 0.5:
                    body += "\n\n## Werkwijze\n\n" + "\n".join(
                        f"{i}. {r.format_map(ctx)}" for i, r in enumerate(rng.sample(_RECOMMENDATION, 3), 1))
            self.emit("platforms", platform.id, fields, body)

    def accounts(self) -> None:
        rng = self.rng
        ids = list(self.platforms)
        weights = [self.platforms[p].weight for p in ids]
        taken: dict[str, int] = {}
        for _ in range(self.n_accounts):
            platform = self.platforms[rng.choices(ids, weights)[0]]
            key, handle, purpose = rng.choice(_ACCOUNT_SUBJECTS)
            handle = handle.format(org=ORG)
            region = rng.choice(_REGIONS) if rng.random() < 0.6 else None
            if region:
                handle = f"{handle} {region}"
            aid = slugify(f"{platform.id} {key} {region or ''}")
            taken[aid] = taken.get(aid, 0) + 1
            if taken[aid] > 1:
                aid = f"{aid}-{taken[aid]}"
            if platform.closed is not None:
                status = "archived"
                reviewed = _between(rng, platform.closed - timedelta(days=300), platform.closed)
            else:
                status = rng.choices(["active", "dormant", "archived"], [65, 20, 15])[0]
                reviewed = _between(rng, date(max(platform.opened, 2012), 1, 1), TODAY)
            fields: dict[str, Any] = {"platform": platform.id, "handle": handle,
                                      "url": f"{platform.url.rstrip('/')}/{slugify(handle).replace('-', '')}"}
            owner: _Person | None = None
            if rng.random() < 0.97:
                owner = rng.choice(self.stayers) if rng.random() < 0.9 else rng.choice(self.staff)
                fields["owner"] = owner.id
            if rng.random() < 0.75:
                backups = [p for p in self.stayers if owner is None or p.id != owner.id]
                if backups:
                    fields["backup_owner"] = rng.choice(backups).id
            fields["purpose"] = purpose if not region else f"{purpose} Voor regio {region}."
            if rng.random() < 0.9:
                fields["recruitment"] = rng.choice(platform.recruitment)
            fields["status"] = status
            if rng.random() < 0.9:
                fields["reviewed"] = reviewed
            fields["review_every_months"] = rng.choice(_REVIEW_MONTHS)
            fields["tags"] = rng.sample(self.tag_ids, rng.randint(1, 2))
            body = None
            if self.as_md():
                team = rng.choice(["arbeidsmarktcommunicatie", "de regio", "werving en selectie"])
                often = rng.choice(["wekelijks", "dagelijks", "maandelijks"])
                body = _wrap(f"Het account is opgezet door {team} en wordt {often} bijgehouden.")
                if status != "active":
                    body += "\n\n" + _wrap("Er worden geen nieuwe berichten meer geplaatst; de pagina blijft staan "
                                           "omdat kandidaten er nog naar verwijzen.")
            self.emit("accounts", aid, fields, body)

    # -- all -----------------------------------------------------------------------------------

    def run(self) -> dict[str, int]:
        self.taxonomy()
        self.people()
        self.campaign_structure()
        self.campaign_records()
        self.lesson_structure()
        self.lesson_records()
        self.guidelines()
        self.accounts()
        counts = {"campaign": 0, "lesson": 0, "guideline": 0, "person": 0, "account": 0}
        kind = {"campaigns": "campaign", "lessons": "lesson", "platforms": "guideline", "people": "person",
                "accounts": "account"}
        for folder, _, _ in self.files:
            if folder:
                counts[kind[folder]] += 1
        return counts


def synthesize(out: Path, records: int, seed: int = 1) -> dict[str, int]:
    """Write a deterministic, valid synthetic data set of about `records` records into
    out/'data' (taxonomy.yml + campaigns/ lessons/ platforms/ people/ accounts/); return
    the count per kind.

    About 20% campaigns, 8% people (at least 12), 15% accounts, one guideline per
    platform (max(8, records // 400) platforms), and lessons for the rest (about
    half). Raises FileExistsError when out/'data' exists and is not empty.
    """
    data = Path(out) / "data"
    if data.exists() and (not data.is_dir() or any(data.iterdir())):
        raise FileExistsError(
            f"{data} already exists and is not empty; synthesize writes into a new or empty folder only")
    synth = _Synth(records, seed)
    counts = synth.run()
    for folder, name, content in synth.files:
        write_new(data / folder / name if folder else data / name, content)
    return counts
