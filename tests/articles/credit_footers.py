"""
Credit footers in the shapes agencies send, each with the credits it names, in order.

Plain data for tests, not a test module. Every name is invented, except the facts of the
seed story's footer. Places are given under the newsroom's own name for them: a French
footer's "à Moscou" is Moscow, "à Kiev" Kyiv. Each footer must render back exactly.
"""

R, AR, W, C, T, E = (
    "reporting",
    "additional_reporting",
    "writing",
    "compiling",
    "translation",
    "editing",
)
P, V, G, F = "photography", "video", "graphics", "fact_checking"


def c(role, name, place="", language=""):
    return (role, name, place, language)


SEED_FOOTER = (
    "(Report Guy Faulconbridge in Moscow and Gwladys Fouche in Oslo; "
    "French version Lina Golovnya, edited by Blandine Hénault)"
)

FOOTERS = [
    # English wire, as the house writes it
    ("(Reporting by Ann Lee)", [c(R, "Ann Lee")]),
    ("(Reporting by Ann Lee; Editing by Bo Ek)", [c(R, "Ann Lee"), c(E, "Bo Ek")]),
    (
        "(Reporting by Ann Lee and Bo Ek in Paris)",
        [c(R, "Ann Lee", "Paris"), c(R, "Bo Ek", "Paris")],
    ),
    (
        "(Reporting by Ann Lee in Paris and Bo Ek in Oslo; Editing by Cy Moss)",
        [c(R, "Ann Lee", "Paris"), c(R, "Bo Ek", "Oslo"), c(E, "Cy Moss")],
    ),
    (
        "(Reporting by Ann Lee and Bo Ek in Paris and Cy Moss in Oslo)",
        [c(R, "Ann Lee", "Paris"), c(R, "Bo Ek", "Paris"), c(R, "Cy Moss", "Oslo")],
    ),
    (
        "(Reporting by Ann Lee and Bo Ek in Paris, Cy Moss in Oslo and Di Fay in Kyiv)",
        [
            c(R, "Ann Lee", "Paris"),
            c(R, "Bo Ek", "Paris"),
            c(R, "Cy Moss", "Oslo"),
            c(R, "Di Fay", "Kyiv"),
        ],
    ),
    (
        "(Reporting by Ann Lee in Kyiv; Additional reporting by Bo Ek in Lviv and Cy Moss in "
        "Odesa; Writing by Di Fay; Editing by Ed Gray)",
        [
            c(R, "Ann Lee", "Kyiv"),
            c(AR, "Bo Ek", "Lviv"),
            c(AR, "Cy Moss", "Odesa"),
            c(W, "Di Fay"),
            c(E, "Ed Gray"),
        ],
    ),
    ("(Compiling by Ann Lee)", [c(C, "Ann Lee")]),
    ("(Reporting by Ann Lee; Fact-checking by Bo Ek)", [c(R, "Ann Lee"), c(F, "Bo Ek")]),
    (
        "(Reporting by Ann Lee in Kyiv; Video by Bo Ek in Kyiv; Graphics by Cy Moss)",
        [c(R, "Ann Lee", "Kyiv"), c(V, "Bo Ek", "Kyiv"), c(G, "Cy Moss")],
    ),
    (
        "(Reporting by Ann Lee; Photos by Pia Holm in Kyiv and Ola Berg in Lviv)",
        [c(R, "Ann Lee"), c(P, "Pia Holm", "Kyiv"), c(P, "Ola Berg", "Lviv")],
    ),
    ("(Reporting by Ann Lee; French version by Bo Ek)", [c(R, "Ann Lee"), c(T, "Bo Ek", "", "fr")]),
    (
        "(Writing by Di Fay; Editing by Ed Gray and Flo Hart)",
        [c(W, "Di Fay"), c(E, "Ed Gray"), c(E, "Flo Hart")],
    ),
    (
        "(Reporting by Ann Lee in New York and Bo Ek in Washington; Editing by Cy Moss)",
        [c(R, "Ann Lee", "New York"), c(R, "Bo Ek", "Washington"), c(E, "Cy Moss")],
    ),
    (
        "(Reporting by Ann Lee; Editing by Bo Ek; Photos by Pia Holm)",
        [c(R, "Ann Lee"), c(E, "Bo Ek"), c(P, "Pia Holm")],
    ),
    (
        "(Reporting by Ann Lee and Bo Ek; Writing by Cy Moss; Editing by Di Fay and Ed Gray)",
        [c(R, "Ann Lee"), c(R, "Bo Ek"), c(W, "Cy Moss"), c(E, "Di Fay"), c(E, "Ed Gray")],
    ),
    ("(Additional reporting by Ann Lee in Kyiv)", [c(AR, "Ann Lee", "Kyiv")]),
    (
        "(Reporting by Ann-Marie O'Neil and José Álvarez in Madrid)",
        [c(R, "Ann-Marie O'Neil", "Madrid"), c(R, "José Álvarez", "Madrid")],
    ),
    (
        "(Reporting by Ann Lee in Kyiv, Cy Moss in Warsaw and Bo Ek)",
        [c(R, "Ann Lee", "Kyiv"), c(R, "Cy Moss", "Warsaw"), c(R, "Bo Ek")],
    ),
    # English wire, written otherwise: kept as sent
    (
        "(Reporting by Ann Lee, Bo Ek in Paris and Cy Moss in Oslo)",
        [c(R, "Ann Lee", "Paris"), c(R, "Bo Ek", "Paris"), c(R, "Cy Moss", "Oslo")],
    ),
    ("(Reporting by Ann Lee, editing by Bo Ek)", [c(R, "Ann Lee"), c(E, "Bo Ek")]),
    (
        "(Reporting by Ann Lee in Paris and Bo Ek in Paris)",
        [c(R, "Ann Lee", "Paris"), c(R, "Bo Ek", "Paris")],
    ),
    (
        "(Reporting by Ann Lee; additional reporting by Cy Moss; writing by Di Fay; "
        "editing by Ed Gray)",
        [c(R, "Ann Lee"), c(AR, "Cy Moss"), c(W, "Di Fay"), c(E, "Ed Gray")],
    ),
    (
        "(Reporting by Ann Lee, Bo Ek, and Cy Moss)",
        [c(R, "Ann Lee"), c(R, "Bo Ek"), c(R, "Cy Moss")],
    ),
    ("(Reporting By Ann Lee; Editing By Bo Ek)", [c(R, "Ann Lee"), c(E, "Bo Ek")]),
    ("(REPORTING BY Ann Lee; EDITING BY Bo Ek)", [c(R, "Ann Lee"), c(E, "Bo Ek")]),
    ("(reporting by Ann Lee)", [c(R, "Ann Lee")]),
    ("(Reporting by Ann Lee; editing by Bo Ek)", [c(R, "Ann Lee"), c(E, "Bo Ek")]),
    ("(Reporting Ann Lee in Kyiv; Edited by Bo Ek)", [c(R, "Ann Lee", "Kyiv"), c(E, "Bo Ek")]),
    (
        "(Reported by Ann Lee in Kyiv; Written by Cy Moss; Edited by Bo Ek)",
        [c(R, "Ann Lee", "Kyiv"), c(W, "Cy Moss"), c(E, "Bo Ek")],
    ),
    (
        "(Reporting by Ann Lee; Photos by Pia Holm; Editing by Bo Ek)",
        [c(R, "Ann Lee"), c(P, "Pia Holm"), c(E, "Bo Ek")],
    ),
    ("(Reporting by Ann Lee, with Bo Ek in Oslo)", [c(R, "Ann Lee"), c(R, "Bo Ek", "Oslo")]),
    (
        "(Reporting by Ann Lee in Paris, with Bo Ek in Oslo)",
        [c(R, "Ann Lee", "Paris"), c(R, "Bo Ek", "Oslo")],
    ),
    ("(Compiled by Ann Lee; Editing by Bo Ek)", [c(C, "Ann Lee"), c(E, "Bo Ek")]),
    ("(Reporting by Ann Lee; Fact-checked by Bo Ek)", [c(R, "Ann Lee"), c(F, "Bo Ek")]),
    (
        "(Reporting by Ann Lee in Kyiv and Bo Ek and Cy Moss in Warsaw)",
        [c(R, "Ann Lee", "Kyiv"), c(R, "Bo Ek", "Warsaw"), c(R, "Cy Moss", "Warsaw")],
    ),
    (
        "(Reporting by Ann Lee in Kyiv; Editing by Bo Ek, Cy Moss, and Di Fay)",
        [c(R, "Ann Lee", "Kyiv"), c(E, "Bo Ek"), c(E, "Cy Moss"), c(E, "Di Fay")],
    ),
    ("(Reporting by Ann Lee in Kiev)", [c(R, "Ann Lee", "Kiev")]),
    # English wire, translated
    (
        SEED_FOOTER,
        [
            c(R, "Guy Faulconbridge", "Moscow"),
            c(R, "Gwladys Fouche", "Oslo"),
            c(T, "Lina Golovnya", "", "fr"),
            c(E, "Blandine Hénault"),
        ],
    ),
    (
        "(Report Ann Lee in Moscow; French version Bo Ek, edited by Cy Moss)",
        [c(R, "Ann Lee", "Moscow"), c(T, "Bo Ek", "", "fr"), c(E, "Cy Moss")],
    ),
    (
        "(Report Ann Lee in Stockholm; Additional reporting Bo Ek in Oslo; Writing Cy Moss; "
        "German version Di Fay, edited by Ed Gray)",
        [
            c(R, "Ann Lee", "Stockholm"),
            c(AR, "Bo Ek", "Oslo"),
            c(W, "Cy Moss"),
            c(T, "Di Fay", "", "de"),
            c(E, "Ed Gray"),
        ],
    ),
    (
        "(Report Ann Lee in Kyiv, Bo Ek in Lviv and Cy Moss in Odesa; "
        "Spanish version Di Fay and Ed Gray)",
        [
            c(R, "Ann Lee", "Kyiv"),
            c(R, "Bo Ek", "Lviv"),
            c(R, "Cy Moss", "Odesa"),
            c(T, "Di Fay", "", "es"),
            c(T, "Ed Gray", "", "es"),
        ],
    ),
    (
        "(Report Ann Lee; French version Bo Ek; edited by Cy Moss)",
        [c(R, "Ann Lee"), c(T, "Bo Ek", "", "fr"), c(E, "Cy Moss")],
    ),
    (
        "(Report Ann Lee in Moscow; french version Bo Ek, edited by Cy Moss)",
        [c(R, "Ann Lee", "Moscow"), c(T, "Bo Ek", "", "fr"), c(E, "Cy Moss")],
    ),
    (
        "(Report Ann Lee; French version Bo Ek, Edited by Cy Moss)",
        [c(R, "Ann Lee"), c(T, "Bo Ek", "", "fr"), c(E, "Cy Moss")],
    ),
    (
        "(Report Ann Lee; Photos Pia Holm; French version Bo Ek, edited by Cy Moss)",
        [c(R, "Ann Lee"), c(P, "Pia Holm"), c(T, "Bo Ek", "", "fr"), c(E, "Cy Moss")],
    ),
    (
        "(Report Ann Lee; Italian version Bo Ek and Cy Moss, edited by Di Fay)",
        [c(R, "Ann Lee"), c(T, "Bo Ek", "", "it"), c(T, "Cy Moss", "", "it"), c(E, "Di Fay")],
    ),
    # Dépêche française
    ("(Reportage Jean Morel à Paris)", [c(R, "Jean Morel", "Paris")]),
    (
        "(Reportage Ann Lee à Moscou et Bo Ek à Oslo; version française Cy Moss, édité par Di Fay)",
        [
            c(R, "Ann Lee", "Moscow"),
            c(R, "Bo Ek", "Oslo"),
            c(T, "Cy Moss", "", "fr"),
            c(E, "Di Fay"),
        ],
    ),
    (
        "(Reportage Ann Lee à Kiev, Bo Ek à Lviv et Cy Moss à Odessa; Avec Di Fay à Stockholm; "
        "Rédigé par Ed Gray, édité par Flo Hart)",
        [
            c(R, "Ann Lee", "Kyiv"),
            c(R, "Bo Ek", "Lviv"),
            c(R, "Cy Moss", "Odesa"),
            c(AR, "Di Fay", "Stockholm"),
            c(W, "Ed Gray"),
            c(E, "Flo Hart"),
        ],
    ),
    ("(Reportage de Jean Morel)", [c(R, "Jean Morel")]),
    (
        "(Reportage Jean Morel, avec Ana Roy à Oslo)",
        [c(R, "Jean Morel"), c(R, "Ana Roy", "Oslo")],
    ),
    (
        "(Reportage Jean Morel à Paris; Rédigé par Luc Petit; édité par Marie Blanc)",
        [c(R, "Jean Morel", "Paris"), c(W, "Luc Petit"), c(E, "Marie Blanc")],
    ),
    (
        "(Reportage Jean Morel; Version française Luc Petit)",
        [c(R, "Jean Morel"), c(T, "Luc Petit", "", "fr")],
    ),
    (
        "(Reportage Jean Morel et Luc Petit à Bruxelles)",
        [c(R, "Jean Morel", "Brussels"), c(R, "Luc Petit", "Brussels")],
    ),
    ("(Reportage par Jean Morel à Genève)", [c(R, "Jean Morel", "Geneva")]),
    (
        "(Reportage Jean Morel à Paris; version anglaise Luc Petit)",
        [c(R, "Jean Morel", "Paris"), c(T, "Luc Petit", "", "en")],
    ),
    (
        "(Reportage Jean Morel à Varsovie; Photos Marie Blanc à Varsovie, édité par Luc Petit)",
        [c(R, "Jean Morel", "Warsaw"), c(P, "Marie Blanc", "Warsaw"), c(E, "Luc Petit")],
    ),
    (
        "(Reportage Jean Morel; Vidéo Ana Roy à Kiev; Infographie Luc Petit)",
        [c(R, "Jean Morel"), c(V, "Ana Roy", "Kyiv"), c(G, "Luc Petit")],
    ),
    ("(Reportage Jean Morel; Vérification Ana Roy)", [c(R, "Jean Morel"), c(F, "Ana Roy")]),
    ("(Compilé par Jean Morel, édité par Ana Roy)", [c(C, "Jean Morel"), c(E, "Ana Roy")]),
    (
        "(Reportage Jean Morel à Londres, Ana Roy à Pékin et Luc Petit à Séoul)",
        [c(R, "Jean Morel", "London"), c(R, "Ana Roy", "Beijing"), c(R, "Luc Petit", "Seoul")],
    ),
    ("(Reportage Jean Morel à Moscow)", [c(R, "Jean Morel", "Moscow")]),
    ("(Reportage Jean Morel à Tromsø)", [c(R, "Jean Morel", "Tromsø")]),
    (
        "(Reportage Jean Morel à Paris; Avec Ana Roy à Lyon et Luc Petit à Marseille)",
        [c(R, "Jean Morel", "Paris"), c(AR, "Ana Roy", "Lyon"), c(AR, "Luc Petit", "Marseille")],
    ),
    ("(Rédaction Jean Morel; édité par Ana Roy)", [c(W, "Jean Morel"), c(E, "Ana Roy")]),
    (
        "(Reportage Jean Morel à La Haye; Rédigé par Ana Roy, Luc Petit et Marie Blanc)",
        [c(R, "Jean Morel", "The Hague"), c(W, "Ana Roy"), c(W, "Luc Petit"), c(W, "Marie Blanc")],
    ),
    # "&" for "and"; a place holding a comma; French typography; the long French label
    (
        "(Reporting by Ann Lee; Editing by Bo Ek & Cy Dunn)",
        [c(R, "Ann Lee"), c(E, "Bo Ek"), c(E, "Cy Dunn")],
    ),
    (
        "(Reporting by Ann Lee in Washington, D.C.; Editing by Bo Ek)",
        [c(R, "Ann Lee", "Washington, D.C."), c(E, "Bo Ek")],
    ),
    (
        "(Reporting by Ann Lee in Washington, D.C., and Bo Ek in Oslo)",
        [c(R, "Ann Lee", "Washington, D.C."), c(R, "Bo Ek", "Oslo")],
    ),
    (
        "(Reportage Jean Morel à Paris ; édité par Ana Roy)",
        [c(R, "Jean Morel", "Paris"), c(E, "Ana Roy")],
    ),
    (
        "(Reportage Jean Morel, avec la contribution de Ana Roy à Lyon)",
        [c(R, "Jean Morel"), c(AR, "Ana Roy", "Lyon")],
    ),
    (
        "(Reportage Jean Morel ; avec la contribution de Ana Roy ; édité par Luc Bon)",
        [c(R, "Jean Morel"), c(AR, "Ana Roy"), c(E, "Luc Bon")],
    ),
]

# Footers no style reads in full: each is imported with what can be read, and never
# makes a contributor out of what is not a name.
MALFORMED = [
    "(Reporting by Ann Lee and 3 others; Editing by Bo Ek)",
    "(Reporting by Ann Lee; Sound by Zed Zee)",
    "(Reporting by Ann Lee in Kyiv; Writing by Bo Ek in Lviv)",
    "(Reporting by Ann Lee (Reuters))",
    "(Reporting by: Ann Lee)",
    "(Ann Lee reporting from Kyiv)",
    "(Reporting by Ann Lee;Editing by Bo Ek)",
    "(Reporting by Ann Lee, Editing by Bo Ek, Photos by)",
    "(Reporting by Ann Lee in)",
    "(Reporting by Ann Lee and )",
    "(Reporting by , Editing by Bo Ek)",
    "(Reporting by Ann Lee Bo Ek Cy Moss Di Fay Ed Gray)",
    "(Reporting by ANN LEE/BO EK)",
    "(Reporting by Ann Lee in Kyiv in Ukraine)",
    "(Reporting by 12345)",
    "(Reporting by Ann Lee @annlee)",
    "(Editing by Bo Ek — Reuters)",
    "(Reporting by Ann Lee. Editing by Bo Ek)",
    "(Reportage Jean Morel, avec)",
    "(Reporting by Ann Lee and and Bo Ek)",
    "(Reporting by Ann Lee and D.C.)",
    "(Editing by Bo Ek & & Cy Dunn)",
    "(Reporting by Ann Lee; Reporting by Bo Ek)",
    "(Reporting by Ann Lee, editing by Bo Ek, and Cy Moss in Paris in Oslo)",
    # Hostile sizes: read within bounds, or refused as a whole.
    "(Reporting by Ann Lee" + "; Bo Ek" * 300 + ")",
    "(Reporting by Ann Lee" + ", Reporting by Bo Ek" * 100 + ")",
    "(" + "Reporting by Ann Lee; " * 120 + "Editing by Bo Ek)",
]

# Words no contributor's name may hold: the built-in styles' labels and joining words.
NEVER_IN_A_NAME = [
    "reporting",
    "report",
    "reported",
    "writing",
    "written",
    "editing",
    "edited",
    "compiling",
    "compiled",
    "photos",
    "video",
    "graphics",
    "fact-check",
    "version",
    "reportage",
    "rédigé",
    "édité",
    "avec",
    "vérification",
    "infographie",
    " by ",
    " par ",
    " and ",
    " et ",
    " with ",
    " in ",
    " à ",
]
