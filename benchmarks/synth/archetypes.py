"""The kinds of campaign a recruitment team runs: on which platforms and
channels, towards which goals, under which titles and summaries."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Archetype:
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


ARCHETYPES = [
    Archetype(
        "sourcing", 3, ("social-listening",), ("linkedin", "xing", "github", "stack-overflow-jobs", "twitter"), True,
        ("sociale-media",), ("vacaturebanken", "referrals", "eigen-website"),
        ("personalisatie", "kanaalmix", "kosten-per-aanname", "kwaliteit", "reactietijd", "timing"),
        ("ict", "persoonlijk-benaderen", "rendement", "techniek"),
        ("Sourcing van {jobs} via {platform}", "Actief benaderen van {jobs} op {platform}",
         "{Jobs} zoeken en benaderen via {platform} in {year}", "Persoonlijke benadering van {jobs} in regio {region}"),
        ("Recruiters zochten op {platform} naar {jobs} en benaderden hen persoonlijk, naast {channel}.",
         "Twee sourcers benaderden {audience} via {platform}, eerst met standaardberichten en later persoonlijk."),
    ),
    Archetype(
        "webcare", 2, ("social-customer-care",), ("twitter", "facebook", "hyves", "whatsapp", "instagram"), True,
        ("sociale-media",), ("eigen-website",),
        ("reactietijd", "waar-praten-ze-over", "afhakers", "tijdsbesteding"),
        ("webcare", "luisteren", "reactietijd", "procedure"),
        ("Webcare voor kandidaten op {platform}", "Vragen van kandidaten beantwoorden via {platform}",
         "Eerst luisteren, dan webcare voor {audience}"),
        ("Webcaremedewerkers beantwoordden vragen van kandidaten op {platform} en verwezen door naar de recruiter.",
         "We volgden wat er over werken bij ons werd gezegd en beantwoordden vragen van kandidaten persoonlijk."),
    ),
    Archetype(
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
    Archetype(
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
    Archetype(
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
    Archetype(
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
    Archetype(
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
    Archetype(
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
    Archetype(
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
    Archetype(
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
