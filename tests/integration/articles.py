"""Made-up news articles in German and English, written for these tests (no real reporting)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Story:
    slug: str
    language: str
    title: str
    author: str
    date: str  # ISO date
    paragraphs: list[str]


STORIES = [
    Story(
        "hafen-streik",
        "de",
        "Streik legt den Hamburger Hafen lahm",
        "Jana Petersen",
        "2024-03-04",
        [
            "Ein Streik der Hafenarbeiter hat am Montag den Containerumschlag in Hamburg fast vollständig "
            "zum Erliegen gebracht. Die Gewerkschaft Verdi hatte die Beschäftigten der großen Terminals zu "
            "einem ganztägigen Ausstand aufgerufen.",
            "„Wir lassen uns nicht länger hinhalten“, sagte Verdi-Verhandlungsführerin Miriam Albers am "
            "Morgen vor dem Terminal Burchardkai. Die Arbeitgeber hätten seit Wochen kein verbessertes "
            "Angebot vorgelegt. Die Gewerkschaft fordert einen Inflationsausgleich und höhere Zulagen für "
            "Nachtschichten.",
            "Der Zentralverband der Hafenbetriebe wies die Vorwürfe zurück. Verbandspräsident "
            "Klaus Brinkmann erklärte, das Angebot liege seit Februar auf dem Tisch und sei fair. "
            "Ein Streik schade dem Standort und treibe Reedereien nach Rotterdam.",
            "Wirtschaftssenatorin Petra Lindholm rief beide Seiten auf, an den Verhandlungstisch "
            "zurückzukehren. Der Senat werde keine Partei ergreifen, sagte sie. Die nächste "
            "Verhandlungsrunde ist für Donnerstag angesetzt.",
        ],
    ),
    Story(
        "rente-reform",
        "de",
        "Regierung plant Reform der Rente",
        "Tobias Kern",
        "2024-03-05",
        [
            "Die Bundesregierung will das Rentenniveau bis zum Jahr 2040 stabil halten. Das Kabinett "
            "beschloss am Mittwoch in Berlin einen entsprechenden Gesetzentwurf.",
            "Arbeitsminister Stefan Hollmann sagte, die Reform gebe den Menschen Sicherheit. „Wer ein Leben "
            "lang gearbeitet hat, muss sich auf seine Rente verlassen können“, sagte der Minister bei der "
            "Vorstellung der Pläne.",
            "Die Opposition kritisierte das Vorhaben scharf. Der Fraktionsvorsitzende der Union, "
            "Markus Feld, warf der Regierung vor, die Kosten auf die junge Generation abzuwälzen. "
            "Die Wirtschaftsverbände forderten stattdessen eine längere Lebensarbeitszeit.",
            "Der Bundestag soll das Gesetz noch vor der Sommerpause beraten. Die Länder haben angekündigt, "
            "eigene Vorschläge in das Verfahren einzubringen.",
        ],
    ),
    Story(
        "klima-gipfel",
        "de",
        "Klimagipfel endet ohne Einigung",
        "Lea Brandt",
        "2024-03-06",
        [
            "Der Klimagipfel in Bonn ist am Freitag ohne gemeinsame Abschlusserklärung zu Ende gegangen. "
            "Die Delegationen konnten sich nicht auf einen Zeitplan für den Ausstieg aus der Kohle einigen.",
            "Umweltministerin Hanna Roth zeigte sich enttäuscht. „Wir haben eine Chance vertan“, sagte sie "
            "nach der letzten Sitzung. Deutschland werde aber an seinen eigenen Zielen festhalten.",
            "Vertreter mehrerer Inselstaaten warfen den großen Industrieländern vor, die Verhandlungen "
            "verschleppt zu haben. Die Umweltorganisation Greenpeace nannte das Ergebnis ein Armutszeugnis.",
            "Die Gespräche sollen im Herbst in Nairobi fortgesetzt werden. Bis dahin wollen die Staaten "
            "ihre nationalen Pläne überarbeiten.",
        ],
    ),
    Story(
        "bahn-tarif",
        "de",
        "Bahn und Lokführer einigen sich auf Tarifvertrag",
        "Jonas Weber",
        "2024-03-07",
        [
            "Nach monatelangem Streit haben sich die Deutsche Bahn und die Lokführergewerkschaft GDL auf "
            "einen neuen Tarifvertrag geeinigt. Weitere Streiks sind damit vorerst vom Tisch.",
            "GDL-Chef Martin Steiger sprach von einem großen Erfolg für die Beschäftigten. Die Arbeitszeit "
            "werde schrittweise auf 35 Stunden gesenkt, sagte Steiger in Frankfurt.",
            "Bahn-Personalvorstand Ulrike Hahn erklärte, der Kompromiss sei teuer, aber tragbar. „Unsere "
            "Fahrgäste bekommen endlich wieder Planungssicherheit“, sagte Hahn.",
            "Der Fahrgastverband Pro Bahn begrüßte die Einigung. Er forderte die Bahn zugleich auf, die "
            "Pünktlichkeit der Züge deutlich zu verbessern.",
        ],
    ),
    Story(
        "port-strike",
        "en",
        "Dock workers strike shuts Hamburg port",
        "Anna Miller",
        "2024-03-04",
        [
            "A strike by dock workers brought container handling at the port of Hamburg almost to a "
            "standstill on Monday. The union Verdi had called on staff at the largest terminals to walk "
            "out for the whole day.",
            '"We will not be put off any longer," said Miriam Albers, Verdi\'s chief negotiator, outside '
            "the Burchardkai terminal. She said employers had not improved their offer for weeks and that "
            "the union wants compensation for inflation.",
            "The association of port operators rejected the criticism. Its president Klaus Brinkmann said "
            "the offer had been on the table since February and was fair, and warned that shipping lines "
            "could move their cargo to Rotterdam.",
            "The city's economy minister Petra Lindholm urged both sides to return to talks. The next round "
            "of negotiations is scheduled for Thursday.",
        ],
    ),
    Story(
        "central-bank",
        "en",
        "Central bank holds interest rates steady",
        "David Clarke",
        "2024-03-05",
        [
            "The European Central Bank left its key interest rate unchanged on Thursday, saying inflation "
            "was falling but remained too high. The decision had been widely expected by markets.",
            '"We are not yet at the point where we can cut," the bank\'s president Helena Marquez told '
            "reporters in Frankfurt. She said the governing council would decide meeting by meeting.",
            "Economists at several banks said they expected the first cut in June. Business groups urged the "
            "bank to act sooner, arguing that high borrowing costs were hurting investment.",
            "Government ministers in Rome and Madrid also called for lower rates. The bank will publish new "
            "forecasts at its next meeting in April.",
        ],
    ),
    Story(
        "water-plan",
        "en",
        "City council approves new water plan",
        "Priya Shah",
        "2024-03-06",
        [
            "The city council voted on Wednesday to spend 400 million euros on new water pipes and "
            "reservoirs over the next ten years. The plan passed with a large majority.",
            'Mayor Thomas Reed said the vote was a turning point. "Our grandchildren will thank us for '
            'this," Reed said after the session, adding that the first works would begin in autumn.',
            "Opposition councillor Grace Okoye criticised the cost and said residents would face higher "
            "bills. Her group had proposed a smaller plan that the council rejected.",
            "Environmental groups welcomed the decision but warned that the council must also cut water "
            "losses from old pipes, which they put at nearly a fifth of supply.",
        ],
    ),
    Story(
        "chip-factory",
        "en",
        "Chipmaker delays new factory",
        "Mark Evans",
        "2024-03-07",
        [
            "The chipmaker Silica Systems has postponed the construction of its new factory in Saxony by at "
            "least two years, the company announced on Tuesday.",
            "Chief executive Laura Bennett said weak demand for chips made the investment too risky for now. "
            '"We remain committed to the site," Bennett said in a statement.',
            "The state government of Saxony said it regretted the decision. Economy minister Frank Albrecht "
            "said the state would keep the land reserved for the company.",
            "Trade unions warned that hundreds of planned jobs were now in doubt. Analysts said other "
            "chipmakers had also slowed their expansion plans this year.",
        ],
    ),
]

BY_SLUG = {story.slug: story for story in STORIES}
PEOPLE = [
    "Miriam Albers",
    "Klaus Brinkmann",
    "Petra Lindholm",
    "Stefan Hollmann",
    "Markus Feld",
    "Hanna Roth",
    "Martin Steiger",
    "Ulrike Hahn",
    "Helena Marquez",
    "Thomas Reed",
    "Grace Okoye",
    "Laura Bennett",
    "Frank Albrecht",
]


def bench_story(index: int) -> Story:
    """A synthetic article for the benchmark: varied, about 300 words, German or English."""
    base = STORIES[index % len(STORIES)]
    extra = [
        f"In einer weiteren Stellungnahme hieß es, man werde die Lage in Runde {index} erneut prüfen."
        if base.language == "de"
        else f"In a further statement in the evening, officials said they would review round {index} again."
    ]
    return Story(
        slug=f"bench-{index}",
        language=base.language,
        title=f"{base.title} ({index})",
        author=base.author,
        date=base.date,
        paragraphs=[*base.paragraphs, *extra, *base.paragraphs[:2]],
    )
