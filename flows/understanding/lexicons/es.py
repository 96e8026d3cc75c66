"""Spanish words for reading typed messages (see `flows/understanding/lexicon.py`).

Written for Spain and Latin America alike ("mear" and "hacer pis", "coche" and "carro",
"ponerse de pie" and "pararse"). Entries are lemmas as simplemma gives them ("doblan" ->
"doblar"), with the surface forms listed where simplemma keeps them as they are: a past
tense typed without its accent ("cai", "perdi"), a participle taken for a noun ("hecho",
"meado"), or an odd lemma ("sale" -> "salar", "pises" -> "pisar", "se" / "lo" / "sí" ->
"él"). Accents are folded, so "caí" and "cai" are one entry.

"No" is a word of its own: a sign that is itself a negation ("no puedo mear", "las piernas
no me sostienen", "no tengo erección") carries its "no" inside the pattern, so that the
reader does not take it for a denial; "ni" ("no puedo ni caminar", "no se quita ni
tumbado") is carried the same way.
"""

from __future__ import annotations

from datetime import date

from flows.understanding.lexicon import Certainty, Lexicon, SignPattern, Unit

POSSIBLE = Certainty.POSSIBLE
CLEAR = Certainty.CLEAR


# A short name: the sign table below is long.
_s = SignPattern


# "no puedo", "no me puedo", "no se me puede", "sin poder", "no consigo", "no logro",
# "tampoco puedo" (I can't either): the
# negation is part of the sign. simplemma reads "me" / "nos" as "yo" and "se" / "lo" / "la"
# / "le" as "el", so "no_el_poder" is "no lo puedo", "no se puede", "no la puedo"...
_CAN = ("poder", "podia", "conseguir", "consigo", "lograr", "logro")
_CLITICS = ("", "yo_", "el_", "te_", "el_yo_", "yo_el_")
_NO_CAN = tuple(
    f"{neg}_{clitic}{can}"
    for neg in ("no", "nunca", "sin", "tampoco") for clitic in _CLITICS for can in _CAN
)  # fmt: skip
# "no puedo ni caminar", "ni me puedo tener en pie": "ni" (not even) kept inside the words.
_CANT = (
    *(f"{entry}_ni" for entry in _NO_CAN), *_NO_CAN,
    *(f"ni_{clitic}{can}" for clitic in _CLITICS for can in _CAN),
    "incapaz_de", "imposible",
)  # fmt: skip
# "no me puedo levantar": the reflexive "me", getting oneself up.
_CANT_ME = tuple(e for e in _CANT if "_yo_" in e or e.startswith("yo_"))


def _cant(flag: str, tail: str, certainty: Certainty = CLEAR, gap: int = 3) -> SignPattern:
    return _s(flag, f"CANT {tail}", certainty, gap)


# A body temperature written as a number: "38.7", "39,2".
_TEMPERATURES = tuple(
    f"{whole}{sep}{tenth}" for whole in (37, 38, 39, 40, 41) for tenth in range(10)
    for sep in (".", ",") if (whole, tenth) >= (37, 5)
)  # fmt: skip
# "tuve un accidente en 2008": a year gone by; "hace 10 años", "hace dos años".
_PAST_YEARS = tuple(str(year) for year in range(1950, date.today().year))
_YEARS_AGO = tuple(
    f"hace_{n}_{unit}" for n in (*range(1, 61), "un", "dos", "tres", "cuatro", "cinco",
                                 "seis", "siete", "ocho", "nueve", "diez", "quince", "veinte",
                                 "treinta", "varios", "muchos", "unos")
    for unit in ("año", "años", "anos")
)  # fmt: skip

# Where one rests: "tumbado", "en reposo", "de noche"; "ni tumbado" is the same place
# with its "ni" (not even) kept inside the words.
_REST = (
    "tumbado", "tumbada", "tumbar", "tumbarme", "acostado", "acostada", "acostar",
    "acostarme", "echado", "echada", "en_reposo", "con_reposo", "reposo", "descansar",
    "descansando", "quieto", "quieta", "sin_moverme", "en_la_cama", "en_cama", "durmiendo",
    "de_noche", "por_la_noche", "en_la_noche", "por_las_noches", "estirado", "estirada",
)  # fmt: skip

GROUPS: dict[str, tuple[str, ...]] = {
    "CANT": _CANT,
    "CANT_ME": _CANT_ME,
    # --- around a sign ---
    "NEGATION": (
        "no", "ni", "nunca", "jamas", "sin", "tampoco", "nada", "ninguno", "ningun",
        "nadie", "nop", "nope", "nel", "nah", "noo", "nooo",
    ),
    # Words that may stand between a negation and its sign: "no he tenido fiebre", "nunca
    # me he caído", "no tengo ningún problema de orina". simplemma reads "se", "lo", "le",
    # "la", "los" as "el", and "me", "nos" as "yo".
    "BRIDGE": (
        "haber", "tener", "ser", "estar", "el", "yo", "mi", "tu", "te", "un", "uno", "de",
        "del", "a", "al", "con", "ya", "todavia", "aun", "ahora", "hoy", "nunca", "ningun",
        "ninguno", "problema", "notar", "notado", "sentido", "gracias", "dios", "eso",
        "esto", "ese", "por", "ahi", "para", "mucho", "gran", "especial", "nuevo", "nueva",
        "ningun_tipo_de", "tipo", "señal", "sintoma", "tan", "muy", "algun", "alguno",
        "sufrir", "padecer", "q", "que", "creo", "parece", "gracias_a_dios", "por_suerte",
        "afortunadamente", "menos_mal", "la_verdad", "realmente", "de_momento", "por_ahora",
        "hasta_ahora",
        # "no siento debilidad en las piernas", "la vejiga no me da problemas", "no he
        # tenido pérdidas de orina", "ninguna molestia en la vejiga"
        "sentir", "noto", "note", "dar", "en", "perdida", "perdidas", "perdido", "escape",
        "dificultad", "molestia", "cambio", "usar", "uso", "llevar", "raro", "extraño",
        # "no tomo corticoides", "nunca me he inyectado nada"
        "tomar", "tomo",
    ),
    # "tío" / "tía" are left out: in Spain they are also "mate" ("tío, no puedo mear");
    # "le" too: it is also the formal "you" ("le cuento que no puedo caminar").
    "OTHER_PERSON": (
        "padre", "papa", "papi", "madre", "mama", "mami", "hijo", "hija", "hijos", "nene",
        "nena", "niño", "niña", "bebe", "hermano", "hermana", "marido", "esposo", "esposa",
        "mujer", "novio", "novia", "pareja", "abuelo", "abuela", "abuelito", "abuelita",
        "yaya", "yayo", "primo", "prima", "sobrino", "sobrina", "nieto", "nieta", "suegro",
        "suegra", "cuñado", "cuñada", "amigo", "amiga", "compañero", "compañera", "colega",
        "vecino", "vecina", "jefe", "jefa", "paciente", "cliente", "señor", "señora",
        "ella", "ellos", "ellas", "alguien", "gente", "familiar", "conocido", "conocida",
        "chaval", "chavala", "padrastro", "madrastra",
        # "mi perro no puede caminar": a pet is someone else too.
        "perro", "perrito", "perrita", "gato", "gatito", "gatita", "mascota", "cachorro",
        "cachorra",
    ),
    "FIRST_PERSON": ("yo", "me", "mi", "mis", "conmigo", "nos", "nosotros", "nosotras"),
    "LONG_AGO": (
        "hace_años", "hace_muchos_años", "hace_mil", "hace_mucho", "hace_tiempo",
        "hace_mucho_tiempo", "años_atras", "de_chico", "de_chica", "de_niño", "de_niña",
        "de_pequeño", "de_pequeña", "de_joven", "de_crio", "de_cria", "de_peque",
        "de_adolescente", "cuando_era", "cuando_era_chico", "cuando_era_pequeño",
        "en_el_pasado", "el_año_pasado", "hace_un_año", "hace_decadas", "en_mi_juventud",
        "en_mi_infancia", "despues_del_parto", "tras_el_parto", *_PAST_YEARS, *_YEARS_AGO,
    ),
    "UNCHANGED": (
        "nada_nuevo", "nada_de_nuevo", "lo_de_siempre", "igual_que_siempre",
        "como_siempre", "de_siempre", "sin_cambios", "no_ha_cambiado", "ni_mejor_ni_peor",
        "sin_problemas_desde", "nada_que_ver", "nada_q_ver", "no_tiene_nada_que_ver",
        # healed since: "una infección de orina el año pasado, ya curada"
        "ya_paso", "ya_se_paso", "ya_se_me_paso", "curado", "curada", "se_curo",
        "superado", "superada", "recuperado", "recuperada", "me_recupere",
    ),
    "HEDGE": (
        "creo", "creer", "quizas", "quiza", "tal_vez", "a_lo_mejor", "puede_que",
        "no_se_si", "no_estoy_seguro", "no_estoy_segura", "parece", "me_parece", "como_que",
        "un_poco", "un_poquito", "algo", "supongo", "capaz", "igual_es",
        "a_veces", "de_vez_en_cuando", "medio", "nose_si",
    ),
    # --- around a topic (contract v3) ---
    # A function whose negation is the sign itself: "no siento las piernas", "no orino",
    # "no puedo andar nada" (a "nada" closing the clause negates the walking, not the sign).
    "FUNCTION": (
        "sentir", "siento", "senti", "sentia", "notar", "noto", "note", "notaba", "notado",
        "sentido", "sensibilidad", "sensacion", "control", "controlar", "controlo",
        "aguantar", "retener", "contener", "mear", "meo", "mee", "meaba", "orinar", "hacer",
        "hecho", "hacia", "cagar", "cago", "defecar", "evacuar", "salir", "sale", "salio",
        "caminar", "andar", "mover", "moverme", "levantar", "levantarme", "pararme",
        "sostener", "sostenerme", "funcionar", "funciona", "responder", "obedecer", "apoyar",
        "poder", "podia", "conseguir", "consigo", "lograr", "logro",
    ),
    # What a "no" about a function is really about: "no tengo problemas para orinar".
    "PROBLEM": (
        "problema", "dificultad", "molestia", "cambio", "alteracion", "trastorno",
        "complicacion", "inconveniente", "pega", "raro", "rara", "extraño", "extraña",
        "anormal", "distinto", "distinta", "diferente",
    ),
    # "la vejiga bien", "con la vejiga todo normal", "las piernas perfectas".
    "FINE": (
        "bien", "bn", "normal", "normales", "perfecto", "perfectamente", "genial",
        "estupendo", "estupenda", "fenomenal", "ok", "okey", "oki", "correcto", "correcta",
        "normalito", "normalita", "guay", "normalidad", "todo_bien", "todo_normal",
        "todo_perfecto", "todo_ok",
    ),
    # A clause opening with one of these and ending in "?" asks rather than reports: "¿qué
    # cuenta como una caída fuerte?". Not "es" / "puedo": "¿es normal tener pérdidas de
    # orina?" is often a report in disguise, and is confirmed.
    "QUESTION_WORD": (
        "que", "q", "k", "como", "cual", "cuales", "cuando", "cuanto", "cuanta", "cuantos",
        "cuantas", "donde", "adonde", "quien", "quienes", "porque", "pq", "xq",
    ),
    # What the emergency signs are about, for the topic patterns (TOPICS below).
    # The bladder and the bowels as words of their own; "pis" / "caca" only after a word that
    # makes them the act ("hacer pis", "el pis"; PIS_BEFORE), so that "no tengo problemas
    # para hacer pis" is read from "hacer", within reach of its "no". "bejiga" / "vegiga":
    # b/v and g/j are the commonest Spanish misspellings, and a six-letter word with one
    # wrong letter is too far from "vejiga" for the typo matching.
    "BLADDER_TOPIC": (
        "vejiga", "bejiga", "vegiga", "bejija", "vejija", "vegija", "vesiga", "besiga",
        "orina", "orinar", "orinal", "urinario", "miccion", "mear", "meo", "mee", "meaba",
        "meado", "meada", "mearme", "mearse", "miar", "miado", "cagar", "cago", "cague",
        "cagarme", "cagarse", "jiñar", "jiñe", "jiñado", "zurrar", "zurrado", "heces",
        "excremento", "deposicion", "defecar", "evacuar", "esfinter", "esfinteres",
        "incontinencia", "incontinente", "sonda", "sondas", "sondaje", "pañal", "panal",
        "panales", "absorbente", "water", "vater", "inodoro", "retrete", "wc",
        "aguas_menores", "aguas_mayores", "hacer_del_cuerpo", "ir_de_cuerpo",
        "hacer_de_vientre", "ir_de_vientre", "hacer_del_uno", "hacer_del_dos",
        "hacer_mis_necesidades",
    ),
    # "chis" (Mexico), "pichí" (Chile), "pupú": pee and poo where they are said so.
    "PIS": ("pis", "pipi", "popo", "caca", "caquita", "pises", "chis", "pichi", "pupu"),
    # "echo" / "aser" / "acer": "hecho" and "hacer" as they are often typed.
    "PIS_BEFORE": (
        "hacer", "hecho", "hacia", "echo", "aser", "acer", "el", "del", "de", "al", "mi", "tu",
        "su", "con", "sin", "ese", "un", "poco", "mucho",
    ),
    # Where it went, for "me lo hago encima", "me hice en la cama" (SELF without "sin
    # querer": "lo hice sin querer").
    "SELF_PLACE": (
        "encima", "en_la_cama", "en_los_pantalones", "en_el_pantalon", "en_la_ropa",
        "en_los_calzones", "en_las_bragas", "en_los_calzoncillos", "en_el_sofa",
    ),
    # The genitals and sexual function, which an ordinary answer does not name; not the
    # words that are also interjections ("coño", "verga"), eggs ("huevos") or a year typed
    # without its tilde ("ano"), nor "entre las piernas" ("duermo con una almohada entre
    # las piernas"): those count only when numb or felt strange (SADDLE).
    "GENITAL": (
        "genitales", "genital", "pene", "vagina", "vulva", "clitoris", "testiculo", "escroto",
        "perineo", "perine", "partes_intimas", "parte_intima", "zona_intima", "zona_genital",
        "partes_bajas", "mis_partes", "ereccion", "impotencia", "impotente", "eyacular",
        "eyaculacion", "orgasmo", "libido", "disfuncion_erectil", "sexual", "silla_de_montar",
        "zona_de_la_silla", "entrepierna", "entrepiernas",
    ),
    # The legs failing, weak or dead, after the leg ("la pierna floja", "las piernas no
    # funcionan"); not numb or heavy: "piernas pesadas" is the circulation, "pierna
    # dormida" ordinary sciatica.
    "LEG_FAILS": (
        "doblar", "dobla", "doblan", "fallar", "falla", "fallan", "flojo", "flojera",
        "debil", "debiles", "debilidad", "debilitar", "sin_fuerza", "sin_fuerzas",
        "falta_de_fuerza", "perdida_de_fuerza", "poca_fuerza", "muerto", "muerta", "paralizar",
        "paralizado", "paralizada", "paralisis", "inutil", "inutiles", "ceder", "cedio",
        "vencer", "vencio", "gelatina", "de_trapo", "flan", "de_mantequilla", "de_goma",
        "no_responder", "no_funcionar", "no_sostener", "no_aguantar", "no_obedecer",
    ),
    # ...and before it ("debilidad en las piernas", "me fallan las rodillas"): only words
    # that name the failing, not "muerto" ("estoy muerto, me duelen las piernas").
    "LEG_WEAK_BEFORE": (
        "debilidad", "flojera", "sin_fuerza", "sin_fuerzas", "falta_de_fuerza",
        "perdida_de_fuerza", "poca_fuerza", "paralisis", "fallar", "falla", "fallan", "fallo",
        "doblar", "dobla", "doblan", "ceder", "cedio", "vencer", "vencio",
    ),
    # Feeling, for the saddle and the wiping: FEEL and the nouns.
    "FEEL_TOPIC": (
        "sentir", "siento", "senti", "sentia", "notar", "noto", "note", "notaba", "notado",
        "sentido", "sensibilidad", "sensacion",
    ),
    # The saddle area as a topic of feeling: GENITAL and the words that name the place
    # only (SADDLE without "ano", a year typed without its tilde, "recto", "straight", and
    # "sillín", the seat a cyclist sits on).
    "SADDLE_TOPIC": (
        "genitales", "genital", "pene", "vagina", "vulva", "clitoris", "testiculo", "escroto",
        "perineo", "perine", "partes_intimas", "parte_intima", "zona_intima", "zona_genital",
        "partes_bajas", "mis_partes", "entrepierna", "entrepiernas", "ahi_abajo",
        "alli_abajo", "alla_abajo", "entre_las_piernas", "silla_de_montar",
        "zona_de_la_silla", "dentro_de_los_muslos", "parte_interna_de_los_muslos",
        "cara_interna_de_los_muslos", "interior_de_los_muslos", "muslos_por_dentro", "pito",
        "polla", "verga", "coño", "chocho", "chichi", "zona_de_abajo", "los_bajos",
    ),
    # A blow in slang, after "me di", "me pegué": "me di una hostia con el coche" ("un
    # golpe" is BLOW's, and "tuve un golpe de calor" is not one).
    "CRASH_SLANG": (
        "hostia", "ostia", "hostiazo", "ostiazo", "leche", "leñazo", "piñazo", "castaña",
        "castañazo", "trompazo", "porrazo", "costalazo", "batacazo", "morrazo", "guarrazo",
        "toñazo", "golpazo", "madrazo", "chingadazo", "putazo", "trancazo", "cacharrazo",
        "catorrazo", "torta", "tortazo", "galletazo", "estacazo", "golpetazo", "totazo",
        "guarapazo", "percance",
    ),
    # A vehicle left wrecked: "el coche quedó hecho polvo / siniestro total / destrozado"
    # (after "quedar", "acabar": "conducir el coche me deja hecho polvo" is not one).
    "WRECKED": (
        "destrozado", "destrozada", "siniestro", "siniestrado", "siniestrada",
        "siniestro_total", "reventado", "reventada", "hecho_polvo", "hecho_mierda",
        "hecho_pedazos", "hecho_trizas", "hecho_un_acordeon", "como_un_acordeon",
        "para_el_desguace", "volcado", "volcada", "boca_abajo", "de_lado", "del_reves",
    ),
    # Falls and injuries beyond FALL and BLOW ("latigazo" alone is how a lumbago strikes).
    "INJURY": (
        "fractura", "fracturar", "fracture", "fracturado", "fracturada", "aplastamiento",
        "latigazo_cervical", "lesionar", "lesione", "lesionado", "lesionada", "lesionarme",
        "golpear", "golpee", "golpeado", "golpeada", "golpearme", "accidentar",
        "accidentado", "accidentada", "accidentarme", "patinazo", "tropezon", "traspie",
        "culada", "traumatismo", "politraumatismo",
    ),
    "BONE": (
        "hueso", "cadera", "pelvis", "vertebra", "columna", "coxis", "costilla", "femur",
        "sacro", "rabadilla", "pierna", "tobillo", "rodilla",
    ),
    # --- bowel and bladder ---
    "BLADDER": (
        "vejiga", "orina", "pis", "pipi", "pises", "caca", "cacas", "heces", "excremento",
        "intestino", "intestinos", "esfinter", "esfinteres", "popo", "chorro", "deposicion",
        "deposiciones", "caquita", "vientre",
    ),
    # Passing urine ("hecho" and "meado" are their own lemmas; "hacía" typed "hacia").
    "PEE_VERB": (
        "mear", "meo", "mee", "meaba", "meado", "meando", "orinar", "orino", "orine",
        "hacer_pis", "hacer_pipi", "hecho_pis", "hecho_pipi", "hacia_pis", "hacia_pipi",
        "miccionar", "mie", "miar", "miado", "miando", "hacer_del_uno", "vaciar_la_vejiga",
        "mearse", "mearme", "orinarse", "orinarme", "hacerse_pis", "hacerme_pis",
    ),
    "POO_VERB": (
        "cagar", "cago", "cague", "cagado", "hacer_caca", "hacer_popo", "hecho_caca",
        "hacia_caca", "defecar", "evacuar", "hacer_de_vientre", "ir_de_vientre",
        "hacer_del_dos", "hacer_mis_necesidades", "hacer_del_baño", "cagarse", "cagarme",
        "hacerse_caca", "hacerme_caca",
    ),
    # Where it went: "encima", "en la cama", "en los pantalones".
    "SELF": (
        "encima", "en_la_cama", "en_los_pantalones", "en_el_pantalon", "en_la_ropa",
        "en_los_calzones", "en_las_bragas", "en_los_calzoncillos", "en_el_sofa",
        "sin_darme_cuenta", "sin_querer", "sin_enterarme", "sin_notarlo", "sin_sentirlo",
    ),
    "LEAK": (
        "perdida", "perdidas", "escape", "escapes", "goteo", "fuga", "fugas", "incontinencia",
    ),
    # "se me escapa", "se me salen los pises"
    "ESCAPE": (
        "escapar", "escapa", "escapo", "escapaba", "salir", "sale", "salen", "salio",
        "salia", "ir",
    ),
    # simplemma keeps "noto" and "senti" as they are.
    "FEEL": (
        "sentir", "siento", "senti", "sentia", "notar", "noto", "note", "notaba", "notado",
        "sentido",
    ),
    "NUMB": (
        "dormido", "dormida", "dormidos", "dormidas", "se_me_dormir", "adormecer",
        "adormecido", "adormecida", "adormecimiento", "entumecer", "entumecido",
        "entumecida", "entumido", "entumida", "entumecimiento", "insensible",
        "insensibles", "insensibilidad", "acorchar", "acorchado", "acorchada",
        "anestesiar", "anestesiado", "anestesiada", "hormigueo", "hormiguear", "hormiguea",
        "cosquilleo", "sin_sensibilidad", "sin_sensacion", "perder_la_sensibilidad",
        "perdi_la_sensibilidad", "perdida_de_sensibilidad", "poca_sensibilidad",
        "menos_sensibilidad", "parestesia", "acorchamiento",
    ),
    # The saddle itself; the buttocks or the groin alone (BUTTOCK) are also numb in plain
    # sciatica.
    "SADDLE": (
        "entrepierna", "perineo", "perine", "ano", "recto", "genitales", "vagina", "vulva",
        "pene", "testiculo", "testiculos", "huevos", "escroto", "pito", "polla", "verga",
        "coño", "chocho", "partes_intimas",
        "parte_intima", "zona_intima", "zona_genital", "mis_partes", "partes_bajas",
        "ahi_abajo", "alli_abajo", "alla_abajo", "entre_las_piernas", "silla_de_montar",
        "zona_de_la_silla_de_montar", "zona_de_la_silla", "sillin", "dentro_de_los_muslos",
        "parte_interna_de_los_muslos", "cara_interna_de_los_muslos",
        "interior_de_los_muslos", "muslos_por_dentro", "entrepiernas",
    ),
    "BUTTOCK": (
        "culo", "nalga", "nalgas", "gluteo", "gluteos", "trasero", "pompis", "pompas",
        "poto", "cola", "posaderas", "coxis", "rabadilla", "ingle", "ingles",
    ),
    "WIPE": ("papel", "papel_higienico", "limpiarme", "me_limpio", "me_limpie", "secarme",
             "me_seco"),
    "PARTNER": ("mujer", "marido", "pareja", "novia", "novio", "esposa", "esposo", "chica"),
    # --- legs ---
    "LEG": (
        "pierna", "piernas", "rodilla", "rodillas", "pie", "pies", "tobillo", "tobillos",
        "muslo", "muslos", "gemelo", "gemelos", "pantorrilla", "extremidad", "extremidades",
        "patas", "gamba", "gambas",
    ),
    # After "se me" / "me": "se me doblan", "se me fue la pierna", "me fallan".
    "GIVE_WAY": (
        "doblar", "dobla", "doblan", "doblado", "doblando", "fallar", "falla", "fallan", "fallo",
        "fallado", "fallando", "aflojar",
        "aflojado", "vencer", "vencido", "ceder", "cedido", "flaquear", "quedar_flojo",
        "quedar_floja", "quedar_muerta", "quedar_muerto", "doblegar", "paralizar",
        "paralizado", "paralizada", "paralizaron",
    ),
    # "se me fue la pierna", "se me van las piernas" (not "se me va a la pierna": the pain).
    "GO": ("ir_el", "fue_el", "fueron_el", "iba_el", "iban_el", "ido_el", "ir_mi", "fue_mi"),
    # "la pierna no me sostiene", "las piernas no responden".
    "HOLD": (
        "sostener", "sostienen", "sostenian", "sostenia", "aguantar", "aguantan",
        "aguantaban", "responder", "respondian", "obedecer", "obedecen", "funcionar",
        "sujetar", "reaccionar",
    ),
    # Like jelly: "las piernas como de gelatina", "la pierna floja como de trapo".
    "JELLY": (
        "flojo", "floja", "flojas", "flojos", "de_trapo", "gelatina", "de_gelatina", "flan",
        "como_un_flan", "de_goma", "de_mantequilla", "de_chicle", "de_algodon", "sin_fuerza",
        "sin_fuerzas", "paralizada", "paralizado", "paralizadas", "paralizados",
    ),
    "STAND": (
        "caminar", "andar", "levantarme", "pararme", "incorporarme", "ponerme_de_pie",
        "poner_de_pie", "poner_en_pie", "estar_de_pie", "estar_en_pie", "tener_en_pie",
        "mantener_en_pie", "mantenerme_en_pie", "sostenerme", "sostener_en_pie",
        "sostenerme_en_pie", "dar_un_paso", "dar_pasos", "levantar_el_pie",
        "levantar_la_pierna", "levantar_las_piernas", "subir_el_pie", "subir_la_pierna",
        "mover_la_pierna", "mover_las_piernas", "mover_el_pie", "mover_los_pies",
        "apoyar_el_pie", "apoyar_la_pierna", "levantar_de_la_cama", "salir_de_la_cama",
        "levantarme_de_la_cama",
    ),
    "SUDDEN": (
        "de_repente", "de_golpe", "de_pronto", "repentinamente", "de_la_nada", "sin_aviso",
        "de_un_dia_para_otro", "de_un_momento_a_otro", "hoy", "esta_mañana", "esta_tarde",
        "anoche", "desde_ayer", "desde_anoche", "desde_esta_mañana", "de_golpe_y_porrazo",
    ),
    # --- injuries ---
    "VEHICLE": (
        "coche", "carro", "auto", "automovil", "moto", "motocicleta", "motillo", "bici",
        "bicicleta", "camion", "furgoneta", "furgon", "camioneta", "autobus", "bus",
        "colectivo", "micro", "taxi", "quad", "cuatrimoto", "tractor", "vehiculo", "patinete",
        "scooter", "trafico", "trailer", "combi", "uber",
    ),
    "CRASH": (
        "accidente", "choque", "chocar", "choco", "choque", "colision", "atropellar",
        "atropello", "atropellado", "atropellada", "volcar", "volque", "volco", "vuelco",
        "estampar", "estampe", "estrellar", "estrelle", "embestir", "embistio", "pegar",
        "pego", "arrollar", "arrollo", "un_golpe", "porrazo", "trompazo", "castañazo",
        "leñazo", "piñazo", "golpazo", "madrazo", "alcance", "siniestro", "tirar", "tiro",
        "derribar",
    ),
    "FALL": (
        "caer", "cai", "cayo", "caido", "caida", "caigo", "caerme", "resbalar", "resbale",
        "resbalon", "tropezar", "tropiezo", "tropece", "rodar", "rodando",
    ),
    "HEIGHT": (
        "escalera", "escaleras", "escalon", "escalones", "tejado", "techo", "azotea",
        "andamio", "arbol", "balcon", "terraza", "ventana", "muro", "tapia", "altura", "alto",
        "lo_alto", "litera", "caballo", "yegua", "burro", "mula", "metros", "segundo_piso",
        "primer_piso", "tercer_piso", "un_piso", "dos_pisos", "acantilado", "barranco",
        "trampolin", "columpio", "puente", "precipicio", "desnivel", "roca", "peña",
        "escalera_de_mano", "camion", "remolque", "tarima", "plataforma", "grua", "poste",
        "moto", "bici", "bicicleta", "patinete", "hielo",
    ),
    "ANIMAL": ("caballo", "yegua", "toro", "vaca", "vaquilla", "novillo", "burro", "mula"),
    "SERIOUS": (
        "fuerte", "fuertisimo", "fuertisima", "grave", "gordo", "gorda", "tremendo",
        "tremenda", "brutal", "bestial", "muy_fuerte", "mala", "serio", "seria", "importante",
        "enorme", "durisimo", "duro", "tremendo",
    ),
    # "de golpe" is "suddenly": a blow is "un golpe", "el golpe", "golpes".
    "BLOW": (
        "caida", "un_golpe", "el_golpe", "golpes", "accidente", "porrazo", "costalazo",
        "batacazo", "trompazo",
        "leñazo", "castañazo", "golpazo", "culazo", "madrazo", "guarrazo", "hostiazo",
        "piñazo", "morrazo",
    ),
    # --- urgent signs ---
    "FEVER": (
        "fiebre", "calentura", "febricula", "escalofrio", "escalofrios", "tiritona",
        "tiritar", "tiritando", "fiebre_alta", "sudores_nocturnos", "sudores_por_la_noche",
        "destemplado", "destemplada", "febril", "tener_temperatura", "temperatura_alta",
        "con_temperatura", *_TEMPERATURES,
    ),
    "FEVER_WORD": ("fiebre", "temperatura", "termometro", "calentura", "grados"),
    "WEIGHT": ("peso", "kilo", "kilos", "kg", "kgs", "kilogramos", "libras", "talla", "tallas"),
    "LOSE_WEIGHT": (
        "perder", "perdido", "perdi", "pierdo", "perdida", "bajar", "bajado", "baje",
        "adelgazar", "adelgazado", "rebajar",
    ),
    "NO_REASON": (
        "sin_motivo", "sin_razon", "sin_explicacion", "sin_dieta", "sin_hacer_dieta",
        "sin_querer", "sin_buscarlo", "sin_intentarlo", "sin_hacer_nada", "sin_proponermelo",
        "no_se_por_que", "no_se_porque", "comiendo_igual", "comiendo_normal",
        "sin_estar_a_dieta", "no_estoy_a_dieta",
    ),
    "REST": _REST,
    "REST_NI": tuple(f"ni_{place}" for place in _REST),
    "EASE": (
        "quitar", "quita", "calmar", "calma", "aliviar", "parar", "para", "aflojar",
        "mejorar", "mejora", "ceder", "pasar", "pasa", "remitir", "aplacar", "disminuir",
        "bajar", "ir",
    ),
    "NOT_EASE": (
        "no_para_nunca", "no_parar_nunca", "nunca_para", "no_para_ni", "no_para_en_todo",
        "no_se_quita_con_nada", "no_se_me_quita_con_nada", "no_se_calma_con_nada",
        "nada_lo_calma", "nada_me_lo_quita", "no_se_me_quita_nunca", "nunca_se_me_quita",
        "dia_y_noche", "las_24_horas", "24_horas_al_dia", "todo_el_dia_y_toda_la_noche",
        "no_pego_ojo", "no_pegar_ojo", "sin_pegar_ojo", "no_he_pegado_ojo",
        "no_me_deja_dormir", "no_me_deja_descansar", "no_me_deja_ni_dormir",
        "me_despierta", "me_despertaba", "me_despierto_del_dolor", "dolor_constante",
        "da_igual_la_postura", "en_ninguna_postura", "ninguna_postura", "ninguna_posicion",
        "no_encuentro_postura", "no_encuentro_posicion", "peor_por_la_noche",
        "peor_de_noche", "peor_en_la_noche", "peor_por_las_noches",
    ),
    "NIGHT": (
        "noche", "noches", "madrugada", "de_noche", "por_la_noche", "en_la_noche",
        "por_las_noches", "a_la_noche", "cama", "en_la_cama",
    ),
    "AWFUL": (
        "peor", "fatal", "insoportable", "infierno", "horrible", "terrible", "mucho_peor",
        "inaguantable", "matador", "criminal", "lo_peor",
    ),
    "CANCER": (
        "cancer", "tumor", "tumores", "quimio", "quimioterapia", "radioterapia", "linfoma",
        "leucemia", "melanoma", "mieloma", "carcinoma", "sarcoma", "metastasis",
        "oncologo", "oncologa", "oncologia", "maligno", "maligna", "neoplasia",
        "mastectomia", "tamoxifeno", "cancer_de", "oncologico", "oncologica", "glioma",
        "adenocarcinoma", "bulto_maligno",
    ),
    "NERVE": (
        "hormigueo", "hormiguear", "hormiguea", "hormiguean", "entumecimiento", "entumecer",
        "entumecido", "entumido", "adormecer", "adormecimiento", "dormido", "dormida",
        "dormidas", "dormidos", "se_me_dormir", "corriente", "corrientazo", "calambre",
        "calambres", "ciatica", "quemazon", "ardor", "pinchazo", "pinchazos", "descarga",
        "descargas", "debil", "debiles", "debilidad", "sin_fuerza", "sin_fuerzas",
        "insensible", "acorchado", "acorchada", "cosquilleo", "sentir_menos", "notar_menos",
        "noto_menos", "siento_menos", "parestesia", "entumecimientos",
    ),
    "WORSE": (
        "peor", "empeorar", "empeora", "empeorando", "a_peor", "ir_a_mas", "va_a_mas",
        "cada_vez_mas", "cada_vez_menos", "cada_vez_peor", "cada_dia_mas", "cada_dia_peor",
        "cada_semana_mas", "cada_semana_peor", "mas_y_mas", "subir", "subiendo",
        "extender", "extendiendo", "extenderse", "expandir", "avanzar", "avanzando",
        "aumentar", "aumentando", "mas_arriba", "mas_abajo", "ahora_tambien", "ya_no_solo",
        "por_dias", "a_diario_peor", "en_aumento", "ir_en_aumento", "cada_vez",
        "cada_semana", "cada_dia",
    ),
    "BOTH_LEGS": (
        "las_dos_piernas", "ambas_piernas", "dos_piernas", "las_2_piernas", "2_piernas",
        "los_dos_pies", "ambos_pies", "los_2_pies", "las_dos_pantorrillas", "ambos_lados",
        "los_dos_lados", "las_dos_rodillas", "ambas", "ambos", "las_dos", "los_dos",
        "la_otra_pierna", "el_otro_lado", "las_dos_extremidades", "ambas_extremidades",
    ),
    # --- durations ---
    "ARTICLE": (
        "un", "una", "el", "la", "ultimo", "ultima", "ultimos", "ultimas", "pasado", "pasada",
    ),
    "RANGE": ("a", "o", "u", "hasta", "al"),
    # Between two numbers a range ("entre 2 y 3"), between a unit and a shorter one a sum
    # ("un mes y una semana").
    "AND": ("y",),
    # Before an amount, how often, not how long: "dos veces al año", "cada 2 semanas".
    "RATE": (
        "cada", "vez", "veces", "vez_al", "veces_al", "vez_a", "veces_a", "vez_por",
        "veces_por",
    ),
    "FEW": (
        "varios", "varias", "algunos", "algunas", "unos", "unas", "cuantos", "cuantas",
        "pocos", "pocas",
    ),
    "MANY": ("muchos", "muchas", "montón", "monton", "bastantes", "mil", "tantos", "tantas"),
    "PLURAL_UNIT": (
        "dias", "semanas", "meses", "años", "anos", "semanitas", "mesecitos", "añitos",
        "decadas", "sems",
    ),
    "AND_HALF": ("y_medio", "y_media", "y_mitad"),
    "AGE_BEFORE": ("tener", "tengo", "cumplir", "cumpli", "cumplo", "edad", "con_mis"),
    "AGE_AFTER": ("de_edad", "cumplidos", "recien_cumplidos"),
    "FUTURE": (
        "en", "dentro_de", "dentro", "proximo", "proxima", "otros", "otras", "durante_otros",
    ),
    "LESS": (
        "menos_de", "menos_d", "menos_que", "todavia_no", "aun_no", "no_llega_a", "no_llego_a", "no_llegar_a",
        "sin_llegar_a", "ni", "menor_de", "menor_que",
        "ni_siquiera", "no_mas_de", "apenas", "como_mucho",
        "como_maximo",
    ),
    # With a negation near the amount, the amount is not reached: "todavia no hace un mes".
    "YET": ("todavia", "aun"),
    "MORE": (
        "mas_de", "mas_d", "mas_que", "por_encima_de", "al_menos", "por_lo_menos",
        "pasado_de", "pasados", "mas_de_un", "bastante_mas_de", "minimo", "como_minimo",
        "mayor_de", "mayor_que",
    ),
    # After the amount, the same: "un mes o mas".
    "MORE_AFTER": ("o_mas", "o_incluso_mas"),
    # After the amount, a little more, up to half as long again: "un mes y pico".
    "BIT_MORE": ("y_pico", "y_algo", "largo", "larga"),
    "ALMOST": ("casi", "cerca_de", "rozando", "va_para", "por_poco", "ya_casi"),
    "ABOUT": (
        "como", "unos", "unas", "aproximadamente", "aprox", "mas_o_menos", "alrededor_de",
        "sobre", "tipo", "quizas", "quiza", "tal_vez", "calculo", "calculo_que",
        "diria", "yo_diria", "algo_asi_como", "a_lo_mejor", "igual", "puede_que",
        "cerca", "x_ahi", "por_ahi", "o_por_ahi", "o_x_ahi", "o_asi", "o_algo_asi", "rondar",
        "ronda",
    ),
    "SINCE": ("desde", "dsd", "dsde", "a_partir_de", "tras", "despues_de"),
    "START": (
        "empezar", "empezo", "empece", "comenzar", "comenzo", "arrancar", "arranco",
        "aparecer", "aparecio", "venir", "vino", "pasar", "paso", "dar", "dio",
    ),
    "TODAY": ("hoy", "mañana", "tarde", "ahorita", "ahora", "hace_un_rato", "esta_mañana"),
    "YESTERDAY": ("ayer", "anoche", "anteayer", "antier", "antenoche", "antes_de_ayer"),
}  # fmt: skip

SIGNS: tuple[SignPattern, ...] = (
    # bowel and bladder: retention, loss of control, leaking, saddle numbness, early signs
    _cant("bowel_bladder", "PEE_VERB"),
    _cant("bowel_bladder", "POO_VERB ni pis|pipi|orinar|mear", gap=2),
    _cant("bowel_bladder", "hacer ni pis|pipi", gap=1),
    _cant("bowel_bladder", "aguantar|aguantarme|retener|controlar|contener BLADDER|PEE_VERB"),
    _cant("bowel_bladder", "POO_VERB|ir_al_baño|ir_al_servicio|ir_al_water|ir_al_vater",
          POSSIBLE),
    _s("bowel_bladder", "no|sin controlar|controlo|aguantar|aguanto|retener|retengo BLADDER",
       gap=3),
    _s("bowel_bladder", "BLADDER no controlar|controlo|aguantar|aguanto|retener|retengo",
       gap=2),
    _s("bowel_bladder", "perder|perdido|perdi|pierdo|sin control BLADDER", gap=3),
    _s("bowel_bladder", "PEE_VERB|POO_VERB SELF", gap=2),
    _s("bowel_bladder", "me ESCAPE BLADDER", gap=2),
    _s("bowel_bladder", "BLADDER me ESCAPE", gap=2),
    _s("bowel_bladder", "LEAK de BLADDER", gap=1),
    _s("bowel_bladder", "perder|pierdo|perdiendo orina|pis|pipi|heces|caca", gap=2),
    _s("bowel_bladder", "incontinencia|incontinente"),
    _s("bowel_bladder", "accidente|accidentes con|de el pis|pipi|orina|caca|vejiga", gap=1),
    _s("bowel_bladder", "no llegar|llego|llegue al|a baño|servicio|water|vater|tiempo", gap=2),
    _s("bowel_bladder", "goteo|gotear|gotea|goteando|gotitas|pañal|pañales", POSSIBLE),
    _s("bowel_bladder", "retencion BLADDER", gap=2),
    _s("bowel_bladder", "ni gota BLADDER", gap=2),
    _s("bowel_bladder", "sonda|sondaje"),
    _s("bowel_bladder", "no he|ha|hemos PEE_VERB", POSSIBLE, gap=1),
    _s("bowel_bladder", "sin PEE_VERB", POSSIBLE, gap=1),
    _s("bowel_bladder", "no PEE_VERB desde|nada|hace|en_todo", POSSIBLE, gap=2),
    _s("bowel_bladder", "vejiga llena|hinchada|a_reventar", POSSIBLE, gap=3),
    # "la vejiga no me funciona / no está bien", "no orino bien", "siento raro ahí abajo (y
    # no es normal)": signs, since a topic followed by "bien" or "normal" reads as "fine"
    _s("bowel_bladder", "BLADDER|intestino|SADDLE_TOPIC no funcionar|funciona|responder|"
                        "responde|ir|va|anda|andar", POSSIBLE, gap=2),
    _s("bowel_bladder", "BLADDER|intestino|SADDLE_TOPIC no estar|esta|ser|es|sentir|siento|notar|"
                        "noto bien|normal|como_antes|igual", POSSIBLE, gap=2),
    _s("bowel_bladder", "FEEL raro|rara|extraño|extraña|distinto|distinta|diferente|mal "
                        "SADDLE_TOPIC", POSSIBLE, gap=2),
    _s("bowel_bladder", "no PEE_VERB|POO_VERB bien|normal|como_antes|con_normalidad", POSSIBLE,
       gap=1),
    _s("bowel_bladder", "ir_al_baño|ir_al_servicio|ir_al_water y nada|no_sale|no_sale_nada",
       POSSIBLE, gap=2),
    _s("bowel_bladder", "costar|cuesta|dificultad|dificil|trabajo|problemas empezar|arrancar|"
                        "comenzar PEE_VERB", gap=3),
    _s("bowel_bladder", "costar|cuesta|dificultad|dificil|problemas|problema PEE_VERB",
       POSSIBLE, gap=2),
    _s("bowel_bladder", "apretar|empujar|hacer_fuerza|esfuerzo para|pa|al PEE_VERB", POSSIBLE,
       gap=3),
    _s("bowel_bladder", "tardar|tardo|tarda salga|salir|sale chorro|pis|orina|pipi", POSSIBLE,
       gap=3),
    _s("bowel_bladder", "tardar|tardo|tarda PEE_VERB", POSSIBLE, gap=3),
    _s("bowel_bladder", "chorro flojo|flojito|debil|fino|poquito|cortado|entrecortado",
       POSSIBLE, gap=2),
    _s("bowel_bladder", "sale|salir flojo|flojito|debil|poquito|a_gotas|gota_a_gota",
       POSSIBLE, gap=1),
    _s("bowel_bladder", "no FEEL cuando|si PEE_VERB|ganas|BLADDER", gap=3),
    _s("bowel_bladder", "no FEEL|tener ganas de PEE_VERB", POSSIBLE, gap=2),
    _s("bowel_bladder", "no FEEL ganas|chorro|BLADDER", gap=2),
    _s("bowel_bladder", "no FEEL WIPE", gap=4),
    _s("bowel_bladder", "WIPE no FEEL", gap=3),
    _s("bowel_bladder", "no FEEL nada WIPE", gap=2),
    _s("bowel_bladder", "NUMB SADDLE", gap=4),
    _s("bowel_bladder", "SADDLE NUMB", gap=4),
    _s("bowel_bladder", "no FEEL SADDLE", gap=2),
    _s("bowel_bladder", "no FEEL nada SADDLE", gap=3),
    _s("bowel_bladder", "SADDLE no FEEL", gap=3),
    _s("bowel_bladder", "NUMB BUTTOCK", POSSIBLE, gap=4),
    _s("bowel_bladder", "BUTTOCK NUMB", POSSIBLE, gap=4),
    _s("bowel_bladder", "no FEEL BUTTOCK", POSSIBLE, gap=2),
    _s("bowel_bladder", "no FEEL nada ahi|alli", POSSIBLE, gap=1),
    _s("bowel_bladder", "SADDLE raro|rara|extraño|extraña|distinto|distinta|diferente|muerto",
       POSSIBLE, gap=4),
    # wetting oneself in other words: "me lo hago encima", "me mojo encima"
    _s("bowel_bladder", "yo|yo_el|yo_haber|yo_el_haber|yo_e|yo_el_e hacer|hecho|echo|hice|"
                        "hago|hacia|hizo SELF_PLACE", POSSIBLE, gap=0),
    _s("bowel_bladder", "mojar|mojo|moje|mojarme|mojarse SELF|cama|pantalon|ropa|calzoncillo|"
                        "braga|braguita|calzones|calzon|sabana|colchon", POSSIBLE, gap=2),
    # sex: early signs, to confirm
    _s("bowel_bladder", "no se me para|levanta|empalma", POSSIBLE, gap=1),
    _s("bowel_bladder", "no tener|tengo|conseguir|lograr|mantener ereccion|erecciones",
       POSSIBLE, gap=1),
    _s("bowel_bladder", "ereccion|erecciones|impotencia|impotente|disfuncion_erectil",
       POSSIBLE),
    _s("bowel_bladder", "no eyacular|correrme|orgasmo", POSSIBLE, gap=2),
    _s("bowel_bladder", "con PARTNER no funcionar|funciono|rendir|poder|puedo", POSSIBLE,
       gap=3),
    _s("bowel_bladder", "no FEEL nada al|en relaciones|sexo|el_amor", POSSIBLE, gap=3),
    # legs
    _cant("leg_weakness", "STAND"),
    # "no siento las piernas (bien)", "las piernas no las noto": signs as well as topics,
    # since a topic followed by "bien" reads as "fine"
    _s("leg_weakness", "no FEEL LEG", POSSIBLE, gap=2),
    _s("leg_weakness", "LEG no FEEL", POSSIBLE, gap=2),
    _cant("leg_weakness", "moverme", POSSIBLE),
    _cant("leg_weakness", "mover|levantar|subir|apoyar LEG"),
    _cant("leg_weakness", "cargar|apoyar|poner|echar peso LEG"),
    _s("leg_weakness", "CANT_ME levantar|parar|incorporar|sostener|mantener|poner_de_pie|"
                       "tener_en_pie|poner_en_pie", gap=2),
    _s("leg_weakness", "CANT_ME mover", POSSIBLE, gap=2),
    _s("leg_weakness", "no|ni el poder|podia mover|levantar|subir|apoyar", POSSIBLE, gap=1),
    _s("leg_weakness", "no|ni me sostener|sostengo|tener|tengo|mantener|mantengo en_pie|"
                       "de_pie", gap=1),
    _s("leg_weakness", "me GIVE_WAY LEG", gap=3),
    _s("leg_weakness", "LEG me GIVE_WAY", gap=3),
    _s("leg_weakness", "me GO LEG", gap=1),
    _s("leg_weakness", "LEG se me ir|fue|fueron|ido|iban|iba", POSSIBLE, gap=1),
    _s("leg_weakness", "SUDDEN LEG se me ir|fue|fueron|ido|iban|iba", gap=2),
    _s("leg_weakness", "fallar|falla|fallan|flaquear|flaquea|aflojar|vencer LEG", gap=2),
    _s("leg_weakness", "LEG fallar|falla|fallan|fallo|flaquear|flaquea|flaquean", gap=2),
    _s("leg_weakness", "LEG no HOLD", gap=2),
    _s("leg_weakness", "no me HOLD LEG", gap=2),
    _s("leg_weakness", "LEG JELLY", gap=4),
    _s("leg_weakness", "LEG debil|debiles|debilidad|muerta|muerto", POSSIBLE, gap=3),
    _s("leg_weakness", "debilidad|debil en|de LEG", POSSIBLE, gap=3),
    _s("leg_weakness", "no|sin fuerza|fuerzas LEG", POSSIBLE, gap=3),
    _s("leg_weakness", "SUDDEN no|sin fuerza|fuerzas LEG", gap=3),
    _s("leg_weakness", "no|sin fuerza|fuerzas LEG SUDDEN", gap=3),
    _s("leg_weakness", "SUDDEN LEG debil|debiles|debilidad|JELLY", gap=3),
    _s("leg_weakness", "LEG debil|debiles|debilidad|JELLY SUDDEN", gap=3),
    _s("leg_weakness", "desplomar|desplome|desplomado|derrumbar|derrumbe", POSSIBLE),
    _s("leg_weakness", "casi caer|caigo|caia|caerme", POSSIBLE, gap=2),
    _s("leg_weakness", "caer|caido|cai|caigo|caerme|cayendo veces|otra_vez|de_nuevo|"
                       "a_cada_rato|seguido|continuamente", POSSIBLE, gap=3),
    _s("leg_weakness", "arrastrar|arrastro|arrastrando LEG|punta", POSSIBLE, gap=3),
    _s("leg_weakness", "LEG arrastrar|arrastro|arrastrando", POSSIBLE, gap=3),
    _s("leg_weakness", "pie caido|pendulo|equino", POSSIBLE, gap=1),
    _s("leg_weakness", "a_gatas|gateando|arrastrandome|a_rastras"),
    _s("leg_weakness", "tirado|tirada en el suelo|piso", POSSIBLE, gap=2),
    _s("leg_weakness", "caer|cai|caido|fui|ido al suelo|piso", POSSIBLE, gap=2),
    _s("leg_weakness", "paralisis|paralitico|paralitica"),
    _s("leg_weakness", "paralizado|paralizada|paralizar", POSSIBLE),
    _s("leg_weakness", "tener|tengo|tuve que|q agarrar|agarrarme|sujetarme|apoyarme a|en|de "
                       "todo|paredes|muebles", POSSIBLE, gap=3),
    # injuries
    _s("trauma", "CRASH VEHICLE", gap=3),
    _s("trauma", "me|nos chocaron|atropellaron|arrollaron|embistieron|golpearon", gap=1),
    _s("trauma", "VEHICLE CRASH", gap=3),
    _s("trauma", "accidente|choque|atropellar|atropello|atropellado|atropellada|colision|"
                 "volcar|volque|volco|vuelco|arrollar|arrollo|siniestro|airbag|"
                 "vueltas_de_campana|vuelta_de_campana|traumatismo|politraumatismo"),
    _s("trauma", "FALL de|desde|del|d|por HEIGHT", gap=2),
    _s("trauma", "FALL HEIGHT", POSSIBLE, gap=3),
    _s("trauma", "FALL todo|toda|todas|todos el HEIGHT", gap=1),
    _s("trauma", "SERIOUS BLOW", gap=2),
    _s("trauma", "BLOW SERIOUS", gap=2),
    _s("trauma", "SERIOUS golpe", gap=0),
    _s("trauma", "caida|caidas|caer|caido|cai|cayo de|desde altura|alto|lo_alto", gap=2),
    _s("trauma", "tirar|tiro|derribar|derribo|revolcar|revolco|cornear|corneo|pisotear|"
                 "coz|embestir|embistio ANIMAL", gap=3),
    _s("trauma", "ANIMAL tirar|tiro|derribar|derribo|revolcar|revolco|cornear|corneo|"
                 "pisotear|coz|embestir|embistio", gap=3),
    _s("trauma", "VEHICLE no me|nos ver|vio", POSSIBLE, gap=2),
    _s("trauma", "salir|sali volando|despedido|despedida|disparado|disparada", POSSIBLE, gap=1),
    _s("trauma", "dar|di|darme|pegar|pegue|llevar|lleve BLOW", POSSIBLE, gap=2),
    _s("trauma", "FALL", POSSIBLE),
    _s("trauma", "BLOW", POSSIBLE),
    _s("trauma", "lesion|lesionar|lesione|lesionado|lesionada|golpear|golpee|hacer_daño|"
                 "hice_daño en|jugando|entrenando|haciendo futbol|gimnasio|gym|deporte|rugby|"
                 "partido|trabajo|obra|pesas", POSSIBLE, gap=3),
    # crashes and falls in slang, in Spain and Latin America: "me di una hostia con la moto",
    # "me la di con el auto", "me llevó puesto un auto", "me fui de culo"
    _s("trauma", "dar|di|dio|dimos|darme|darse|pegar|pegue|pego|pegamos|llevar|lleve|meter|"
                 "meti|metio|tener|tuve|tuvo|tuvimos CRASH_SLANG", POSSIBLE, gap=2),
    _s("trauma", "CRASH_SLANG con|contra|en VEHICLE", POSSIBLE, gap=2),
    _s("trauma", "esnafrar|esnafre|esnafrado|esnafrarme|escoñar|escoñe|escoñado|escoñarme|"
                 "descalabrar|descalabre|descalabrado|descalabrarme", POSSIBLE),
    _s("trauma", "VEHICLE quedar|quedo|quedado|acabar|acabo|terminar|termino WRECKED", POSSIBLE,
       gap=2),
    # "destrocé el coche", "reventé la moto", "volqué el carro"
    _s("trauma", "destroce|destrozamos|revente|reventamos|volque|volcamos|siniestre el|mi|la "
                 "VEHICLE", POSSIBLE, gap=1),
    # "me la pegué" (Spain), "me la di con el auto" (Argentina): I crashed
    _s("trauma", "yo el pegar|pegue|pego|pegamos|di|dimos", POSSIBLE, gap=0),
    # "me saqué la cresta" (Chile): a bad fall or crash
    _s("trauma", "sacar|saque|saco la_cresta|la_mugre|la_chucha", POSSIBLE, gap=1),
    # "me llevó puesto un auto" (Argentina): run over
    _s("trauma", "llevar|llevo|llevaron puesto|puesta un|una|el VEHICLE", POSSIBLE, gap=0),
    _s("trauma", "llevar|llevo|lleve|llevaron por_delante", POSSIBLE, gap=1),
    _s("trauma", "yo pillar|pillo|pillaron|agarrar|agarro|agarraron|atropellar un|una|el "
                 "VEHICLE", POSSIBLE, gap=0),
    # "atropeyar": ll typed as y (yeísmo), too far from "atropellar" for the typo matching
    _s("trauma", "atropeyar|atropeyo|atropeyado|atropeyada|atropeyaron", POSSIBLE),
    _s("trauma", "dar|golpear|chocar por_detras", POSSIBLE, gap=1),
    _s("trauma", "salir|sali|salio|salimos de_la_carretera|de_la_curva|de_la_via|"
                 "de_la_calzada|del_camino|de_la_autopista|del_arcen", POSSIBLE, gap=0),
    _s("trauma", "atrapar|atrapado|atrapada VEHICLE", POSSIBLE, gap=2),
    _s("trauma", "VEHICLE yo tirar|tiro|derribar|derribo|lanzar|lanzo|arrastrar|arrastro|"
                 "pasar|paso", POSSIBLE, gap=1),
    _s("trauma", "yo pasar|paso|pasaron por_encima|por_arriba", POSSIBLE, gap=1),
    _s("trauma", "yo ir|fui|fue|voy|iba de culo|espaldas|boca|morros|bruces|cabeza|lado|"
                 "costado|narices|canto", POSSIBLE, gap=0),
    _s("trauma", "yo escurrir|escurri|escurrio", POSSIBLE, gap=1),
    _s("trauma", "perder|perdi pie", POSSIBLE, gap=0),
    # urgent signs
    _s("fever", "FEVER"),
    _s("fever", "FEVER_WORD de|a|marca|marcaba|en 38|39|40|41|42", gap=2),
    _s("fever", "38|39|40|41|42 grados|de_fiebre|de_temperatura", gap=1),
    _s("fever", "ardiendo|hirviendo|sudando y|con frio|escalofrio|tiritando", gap=2),
    _s("weight_loss", "LOSE_WEIGHT WEIGHT", gap=4),
    _s("weight_loss", "WEIGHT LOSE_WEIGHT", gap=3),
    _s("weight_loss", "perdida|perdidas de peso", gap=1),
    _s("weight_loss", "adelgazar|adelgazado|adelgazando|adelgace"),
    _s("weight_loss", "bajar|bajado|baje de a", gap=1),
    _s("weight_loss", "ropa|pantalon|pantalones|cinturon|vaqueros|jeans|falda grande|grandes|"
                      "ancha|anchos|suelta|suelto|bailar|bailan|baila", gap=3),
    _s("weight_loss", "en_los_huesos|piel_y_huesos|chupado|chupada|consumido|consumida",
       POSSIBLE),
    _s("rest_pain", "no EASE REST_NI|REST", gap=3),
    # Pain that goes on at rest: "aun tumbado quieto me sigue doliendo igual".
    _s("rest_pain", "REST seguir|sigue doler|doliendo|igual", gap=3),
    _s("rest_pain", "seguir|sigue doler|doliendo|igual REST", gap=3),
    _s("rest_pain", "no EASE ni REST", gap=3),
    _s("rest_pain", "REST no|tampoco|ni EASE", gap=3),
    _s("rest_pain", "REST_NI EASE", gap=3),
    _s("rest_pain", "NOT_EASE"),
    _cant("rest_pain", "dormir|descansar|tumbarme|acostarme|conciliar_el_sueño|pegar_ojo"),
    _s("rest_pain", "no dejar dormir|descansar", gap=2),
    _s("rest_pain", "no dejar ni dormir|descansar", gap=2),
    _s("rest_pain", "despertar|despierto|desperte|desvelar|desvela dolor|noche|noches|"
                    "madrugada", gap=8),
    _s("rest_pain", "dolor|duele me despertar|despierta|desvela", gap=2),
    _s("rest_pain", "NIGHT AWFUL", gap=2),
    _s("rest_pain", "AWFUL por|de|en NIGHT", gap=2),
    _s("rest_pain", "doler|duele|dolor|seguir|sigue igual|lo_mismo REST", gap=3),
    _s("rest_pain", "levantar|levantarme|levanto a caminar|andar|moverme|pasear", POSSIBLE,
       gap=2),
    _s("cancer_history", "CANCER"),
    _s("nerve_progressive", "NERVE WORSE", gap=6),
    _s("nerve_progressive", "WORSE NERVE", gap=5),
    _s("nerve_progressive", "NERVE BOTH_LEGS", gap=5),
    _s("nerve_progressive", "BOTH_LEGS NERVE", gap=5),
    _s("nerve_progressive", "cada_vez|cada_dia|cada_semana sentir|siento|notar|noto menos",
       gap=2),
    _s("nerve_progressive", "bajar|baja|irradiar|irradia|corre por|a BOTH_LEGS", gap=2),
    _s("nerve_progressive", "ahora en|por ambas|las_dos|los_dos|BOTH_LEGS", gap=2),
    _s("nerve_progressive", "otra pierna|lado tambien|ahora|igual", gap=3),
    # v3 risk factors (section 1a): the bot asks the risk-factor question.
    _s("risk_factors", "esteroide|corticoide|corticoides|prednisona|prednisolona|cortisona|"
                       "dexametasona|metotrexato|inmunosupresor|inmunosupresores|"
                       "inmunodeprimido|inmunodeprimida|vih|sida|osteoporosis|osteopenia|"
                       "heroina|trasplante|trasplantado|trasplantada|quimio|quimioterapia"),
    _s("risk_factors", "defensas bajas|debiles|debilitadas|baja", gap=1),
    _s("risk_factors", "huesos|hueso fragiles|fragil|debiles|debil|finos", gap=1),
    _s("risk_factors", "inyectar|inyecto|pincharse|pincho droga|drogas|heroina", gap=2),
    _s("risk_factors", "droga|drogas inyectada|inyectadas|por_vena|intravenosa", gap=1),
)  # fmt: skip

# What each emergency sign is about (contract v3): a message touching one of these, where no
# sign pattern matched and which is not a clear "no" about it, is confirmed with one tap.
# A "no" inside the pattern ("no siento las piernas") is part of what it says; a "no"
# around it denies it unless the pattern holds a FUNCTION ("no orino", "no puedo andar
# nada"), and a PROBLEM between makes it a "no" again ("no tengo problemas para orinar").
TOPICS: tuple[SignPattern, ...] = (
    # a leg that stopped obeying: "la pierna dejó de responderme"
    _s("leg_weakness", "LEG dejar|dejo de HOLD|mover|moverse", gap=3),
    # bowel and bladder: the organ, the act, leaking, the genitals, the saddle, wiping
    _s("bowel_bladder", "BLADDER_TOPIC"),
    _s("bowel_bladder", "PIS_BEFORE PIS", gap=0),
    _s("bowel_bladder", "FEEL_TOPIC ir_al_baño|ir_al_servicio|ir_al_water|ir_al_vater|ir_al_wc",
       gap=4),
    _s("bowel_bladder", "GENITAL"),
    _s("bowel_bladder", "FEEL_TOPIC|NUMB SADDLE_TOPIC", gap=4),
    _s("bowel_bladder", "SADDLE_TOPIC FEEL_TOPIC|NUMB|raro|rara|extraño|extraña|distinto|"
                        "distinta", gap=4),
    _s("bowel_bladder", "FEEL_TOPIC|NUMB WIPE", gap=4),
    _s("bowel_bladder", "WIPE FEEL_TOPIC|NUMB|raro|rara|extraño|extraña", gap=3),
    _s("bowel_bladder", "amanecer|amaneci|despertar|desperte|despierto mojar|mojado|mojada|"
                        "meado|meada|cagado|cagada", gap=2),
    _s("bowel_bladder", "yo escapar|escapa|escapo|escapaba", gap=1),
    # "tengo escapes", "no sale ni gota" ("un escape de gas", "ni gota de alcohol" are not)
    _s("bowel_bladder", "escapes"),
    _s("bowel_bladder", "salir|sale|salio ni_gota|ni_una_gota", gap=1),
    _s("bowel_bladder", "CANT tener relaciones|sexo|relaciones_sexuales", gap=1),
    _s("bowel_bladder", "empujar|empujo|apretar|aprieto|apretando|empujando|ganas y no "
                        "salir|sale|salio nada", gap=1),
    # legs: failing, not felt, not standing or walking, crawling
    _s("leg_weakness", "LEG LEG_FAILS", gap=3),
    _s("leg_weakness", "LEG_WEAK_BEFORE LEG", gap=3),
    _s("leg_weakness", "perder|perdi|perdido|pierdo|perdiendo fuerza LEG", gap=3),
    _s("leg_weakness", "no FEEL LEG", gap=2),
    _s("leg_weakness", "LEG no FEEL", gap=2),
    # "no me tienen las piernas" (Spain): they do not hold me up
    _s("leg_weakness", "LEG no yo tener", gap=1),
    _s("leg_weakness", "no yo tener LEG", gap=1),
    _s("leg_weakness", "no FEEL nada en_el|en_mi|de_el|de_mi|del LEG", gap=0),
    _s("leg_weakness", "CANT STAND", gap=3),
    # "no puedo dormir ni caminar", "no siento ni las piernas": the "ni" is not a denial
    _s("leg_weakness", "CANT ni STAND", gap=2),
    _s("leg_weakness", "no FEEL ni LEG", gap=1),
    _s("leg_weakness", "no camino|ando|caminaba|andaba", gap=0),
    _s("leg_weakness", "CANT sentir|notar|controlar|mover|levantar|apoyar LEG", gap=3),
    _s("leg_weakness", "arrastrarme|arrastrandome|gatear|gateando|reptar|reptando|a_gatas|"
                       "a_rastras|silla_de_ruedas|paraplejia|paraplejico|paraplejica|"
                       "desplomar|desplome|derrumbar|derrumbe"),
    _s("leg_weakness", "yo arrastrar|arrastro|arrastra", gap=0),
    _s("leg_weakness", "perder|perdi|pierdo|perdiendo el_equilibrio", gap=0),
    # injuries: what they did to the body (the events themselves are signs)
    _s("trauma", "INJURY"),
    _s("trauma", "romper|rompi|rompio|partir|parti|partio|fracturar|fracture|fisurar|fisure "
                 "BONE", gap=2),
    _s("trauma", "BONE roto|rota|partido|partida|fracturado|fracturada|fisurado|fisurada",
       gap=1),
)  # fmt: skip

IDIOMS: tuple[str, ...] = (
    # An injection of steroids is a pain treatment, not months of steroid tablets.
    "infiltracion|infiltraciones|inyeccion|inyecciones|pinchazo de corticoides|corticoide|"
    "cortisona|esteroides",
    "epidural de corticoides|esteroides",
    # A clash with a person is no crash: "choqué con mi jefe"; a crash seen is not had.
    "chocar|choque|choco|chocamos con|otra_vez_con|de_nuevo_con mi|el|la|su|mis|los|las|un|una "
    "OTHER_PERSON",
    "ver|vi|presenciar|presencie un|una|el CRASH",
    # "ya no aguanto más", "no soporto este dolor"
    "aguantar|soportar|resistir|aguanto|soporto mas|este|ese|tanto|esto|eso|el_dolor|mucho|nada",
    "cagar|cago|cague en todo|dios|diez|la_leche|la_puta|la_madre|tu|su|vuestra|la_mar|"
    "el_mundo|la_hostia|la_ostia|los_muertos|la_virgen|mi_vida|mi_suerte",
    "cagar|cago|cague|cagado|cagada|mear|meo|meando|meado de risa|miedo|gusto",
    "hasta los huevos|cojones|narices|ovarios",
    "un huevo|ojo|riñon",
    "dolor de huevos|cabeza",
    "escalofrio|escalofrios de|solo pensar|pensarlo|solo_de_pensar",
    "caer|cae|cai|cayo|caido|caigo|caen bien|mal|gordo|fatal|genial|en_la_cuenta|el_pelo",
    "caer|cai|cayo|caido|caigo dormido|dormida|rendido|rendida|de_sueño|de_cansancio",
    "caer|cae|caen las cosas|cosas",
    # "no puedo caminar mucho / ni 2 km / más de 10 minutos": a distance, not weak legs
    "caminar|andar|camino|aguantar mucho|mas|tanto|lejos|largo|rato|distancias|rapido|"
    "deprisa|recto|derecho|erguido|erguida|tieso|tiesa",
    "caminar|andar ni 1|2|3|4|5|10|20|50|100|200|500|dos|tres|cinco|diez|cien|media|medio",
    "mucho|mas|tanto|rato|tiempo|horas de_pie|parado|parada|sentado|sentada",
    # "no puedo estar de pie mucho rato / más de 10 minutos": standing long, not weak legs
    "de_pie|en_pie|parado|parada|caminando|andando mucho|tanto|rato|tiempo|horas|largo|"
    "seguido|mas_de|demasiado",
    # "no puedo caminar sin dolor": the pain, not the legs
    "caminar|andar|estar_de_pie|moverme|levantarme|agacharme|sentarme|caminando|andando "
    "sin dolor|dolores|molestias|que_me_duela|que_duela|que_me_duelan",
    # "infección de orina", "análisis de orina": a urine test or infection, not control
    "infeccion|infecciones|analisis|analitica|prueba|pruebas|cultivo|muestra|tira de|en "
    "orina|vejiga|pis|pipi",
    "infeccion|infecciones|analisis|analitica urinario|urinaria",
    # "la entrepierna no la noto rara", "no noto las piernas raras": not strange, not unfelt
    "no el|yo FEEL raro|rara|extraño|extraña|distinto|distinta|diferente|mal|cambiado|"
    "cambiada",
    "no FEEL el|mi LEG raro|rara|extraño|extraña|distinto|distinta|diferente|mal|debil|"
    "debiles|flojo|floja|cambiado|cambiada",
    # "no siento nada raro ahí abajo": nothing unusual, not nothing felt
    "nada raro|extraño|extraña|anormal|especial|distinto|distinta|diferente|"
    "fuera_de_lo_normal|de_particular",
    "no poder|puedo mas",
    "no poder|puedo con mi|la vida|alma",
    "morir|muero de",
    "me esta|estan matando",
    "culo cuadrado|pesado",
    "partir|parte|partirme|parto de risa",
    "se me fue|fue la olla|pinza|cabeza",
    "de golpe_y_porrazo",
    "golpe|golpes de calor|suerte|tos|estado|efecto|viento|vista",
    "dar|di|da|dan|dio igual",
    "caida del|de pelo|cabello",
    # "me voy a mear encima": in a hurry to go, not incontinent
    "ir|voy|iba|vas a mear|mearme|orinar|orinarme|cagar|cagarme|hacer|hacerme",
    "querer|quiero|quisiera|intento|intentando|deber|debo|necesito|tratando perder|bajar|"
    "adelgazar|rebajar",
    "quede|quedarme|quedandome dormido|dormida|frito|frita",
)  # fmt: skip

UNITS: dict[str, Unit] = {
    "dia": Unit(1), "dias": Unit(1), "d": Unit(1), "diita": Unit(1), "diitas": Unit(1),
    "semana": Unit(7), "semanas": Unit(7), "sem": Unit(7), "sems": Unit(7), "semna": Unit(7),
    "semans": Unit(7), "semanita": Unit(7), "semanitas": Unit(7), "smanas": Unit(7),
    "semnas": Unit(7),
    "quincena": Unit(14, alone_is_one=True), "quincenas": Unit(14),
    # "mes y medio": a month without a number
    "mes": Unit(30.4, alone_is_one=True), "meses": Unit(30.4), "mese": Unit(30.4),
    "mesecito": Unit(30.4), "mesecitos": Unit(30.4), "meces": Unit(30.4),
    # "año y medio"
    "año": Unit(365, alone_is_one=True), "años": Unit(365), "añoss": Unit(365),
    "añito": Unit(365),
    "añitos": Unit(365), "anos": Unit(365), "decada": Unit(3650), "decadas": Unit(3650),
    # "de siempre", "desde siempre"
    "siempre": Unit(365, alone_is_one=True),
}  # fmt: skip

NUMBERS: dict[str, float] = {
    "un": 1, "una": 1, "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "seis": 6,
    "siete": 7, "ocho": 8, "nueve": 9, "diez": 10, "once": 11, "doce": 12, "trece": 13,
    "catorce": 14, "quince": 15, "dieciseis": 16, "diecisiete": 17, "dieciocho": 18,
    "diecinueve": 19, "veinte": 20, "treinta": 30, "cuarenta": 40, "cincuenta": 50, "par": 2,
    "medio": 0.5, "media": 0.5, "mitad": 0.5,
}  # fmt: skip

MONTHS: dict[str, int] = {
    "enero": 1, "ene": 1, "febrero": 2, "feb": 2, "marzo": 3, "abril": 4, "abr": 4, "mayo": 5,
    "junio": 6, "jun": 6, "julio": 7, "jul": 7, "agosto": 8, "ago": 8, "septiembre": 9,
    "setiembre": 9, "sept": 9, "sep": 9, "octubre": 10, "oct": 10, "noviembre": 11, "nov": 11,
    "diciembre": 12, "dic": 12,
}  # fmt: skip

# Dates are read one word at a time: "semana santa" by its second word, a day in Holy Week.
HOLIDAYS: dict[str, tuple[int, int]] = {
    "navidad": (12, 25), "navidades": (12, 25), "nochebuena": (12, 24), "nochevieja": (12, 31),
    "reyes": (1, 6), "santa": (4, 1), "pascua": (4, 5), "pascuas": (4, 5),
    "halloween": (10, 31), "verano": (8, 1), "carnaval": (2, 15), "carnavales": (2, 15),
}  # fmt: skip

WEEKDAYS = (
    "lunes", "martes", "miercoles", "jueves", "viernes", "sabado", "domingo", "finde", "findes",
)  # fmt: skip

ANSWERS: dict[str, dict[str, tuple[str, ...]]] = {
    "yes_no": {
        "yes": ("si|sii|siii|siiii|sip|sep|sipi|claro|afirmativo|correcto|exacto|"
                "efectivamente|por_supuesto|obvio|simon|aja|asi_es|eso_es|pues_si|"
                "desde_luego|yes|sisi|si_si",),
        "no": ("no|nop|nope|nel|na|nah|nunca|jamas|para_nada|ninguno|ninguna|que_va|q_va|"
               "tampoco|negativo|no_no|noo|nooo|noup|todo_bien|todo_normal|estoy_bien|"
               "de_ninguna_manera|en_absoluto|nada_de_eso|nada_de_nada|ni_de_coña|ni_loco|"
               "ni_loca|nanai",),
        "unsure": ("no_se|nose|no_lo_se|ni_idea|no_estoy_seguro|no_estoy_segura|quizas|"
                   "quiza|tal_vez|a_lo_mejor|puede|puede_ser|no_sabria|ni_se|ns|nidea|"
                   "no_me_acuerdo|no_recuerdo|depende|capaz|ni_puta_idea|no_tengo_ni_idea|"
                   "supongo|no_lo_tengo_claro|dudo",),
    },
    "location": {
        "back": ("espalda|lumbar|lumbares|lumbago|riñones|riñon|rabadilla|coxis|columna|"
                 "zona_lumbar|espalda_baja|baja_espalda|cintura|sacro|parte_baja|"
                 "abajo_de_la_espalda|final_de_la_espalda",),
        "hip": ("cadera|caderas|ingle|ingles|lado_de_la_cadera|articulacion_de_la_cadera",),
        "both": ("las_dos|los_dos|ambas|ambos|las_2|los_2|las_dos_cosas|por_todos_lados|"
                 "las_dos_zonas",
                 "espalda|lumbar|lumbares|riñones y|e|con|mas cadera|caderas|ingle",
                 "cadera|caderas|ingle y|e|con|mas espalda|lumbar|lumbares|riñones",
                 "espalda|lumbar cadera|caderas|ingle", "cadera|ingle espalda|lumbar"),
    },
    "pain_type": {
        "radicular": ("ciatica|ciatico|hormigueo|hormiguea|hormiguear|dormida|dormido|"
                      "adormecida|adormecido|entumecido|entumecida|corriente|corrientazo|"
                      "calambre|calambres|descarga|descargas|electrico|electricidad|"
                      "quemazon|nervio|nervioso|irradia|irradiar|pinchazo|pinchazos|"
                      "punzante|fulgurante",
                      "bajar|baja|bajan|corre|irradiar|irradia pierna|piernas|pie|pies|"
                      "gemelo|gemelos|muslo|rodilla|talon|dedos|pantorrilla",),
        "mechanical": ("mover|moverme|al_moverme|movimiento|movimientos|agachar|agacharme|"
                       "agacho|sentado|sentada|sentarme|de_pie|rigidez|rigido|rigida|girar|"
                       "girarme|cargar|levantar_peso|postura|posicion|descanso_mejora|"
                       "descansar_mejora|tumbado_mejor|reposo_mejor|si_descanso|"
                       "al_levantarme|al_agacharme|al_caminar|esfuerzo|doblarme|inclinarme|"
                       "empeora_al",),
        "nonspecific": ("ni_idea|no_se|nose|no_sabria|ninguno|ninguna|ni_uno_ni_otro|"
                        "duele_y_ya|general|sordo|normal|un_dolor_normal|no_lo_se|"
                        "no_sabria_decir|dificil_de_explicar|no_se_explicar",),
    },
    "conservative_tried": {
        "yes": ("fisio|fisioterapia|fisioterapeuta|rehabilitacion|rehab|ejercicio|"
                "ejercicios|pilates|yoga|estiramientos|quiropractico|osteopata|masaje|"
                "masajes|pastilla|pastillas|analgesico|analgesicos|ibuprofeno|paracetamol|"
                "naproxeno|diclofenaco|nolotil|metamizol|tramadol|antiinflamatorio|"
                "antiinflamatorios|relajante|relajantes|medicacion|medicamento|"
                "medicamentos|infiltracion|infiltraciones|inyeccion|calor|parches|de_todo|"
                "probado_todo|nada_funciona|no_me_hace_nada|no_me_ha_servido|no_sirve|"
                "no_funciona|no_me_ayuda|acupuntura",),
        "no": ("todavia_no|aun_no|nada_todavia|nada_aun|todavia_nada|aun_nada|no_he_probado|"
               "no_he_hecho_nada|no_he_ido|ningun_lado|ningun_sitio|ningun_tratamiento|"
               "nada_de_nada|nunca_he|acaba_de_empezar|no_he_tomado|no_he_empezado|"
               "sin_tratamiento|nada_por_ahora",),
    },
    "imaging_structural": {
        "disc": ("hernia|hernias|herniado|discal|disco|discos|protusion|protrusion|"
                 "protusiones|protrusiones|estenosis|pinzamiento|pinzado|abombamiento|"
                 "discopatia|extrusion|degeneracion_discal|canal_estrecho|nervio_pinzado|"
                 "deshidratacion_discal|prolapso",),
        "hip": ("artrosis|coxartrosis|artritis|desgaste_de_cadera|cadera_desgastada|"
                "cartilago|labrum|hueso_con_hueso|necrosis|displasia|desgaste",),
        "deformity": ("escoliosis|espondilolistesis|listesis|cifosis|hiperlordosis|"
                      "inestabilidad|inestable|desviacion|desviada|vertebra_desplazada|"
                      "columna_torcida|curvatura",),
        "none": ("no_me_han_hecho|nunca_me_han_hecho|no_me_hicieron|sin_pruebas|"
                 "ninguna_prueba|ninguna|nada|normal|todo_bien|todo_normal|limpia|nada_raro|"
                 "no_salio_nada|no_vieron_nada|no_tengo_pruebas|nada_importante|nada_grave|"
                 "no_me_han_mandado|nunca|no_tengo",),
    },
    "debilitating": {
        "yes": ("no_puedo_trabajar|de_baja|baja_laboral|no_puedo_ni|me_impide|me_limita|"
                "no_puedo_hacer_nada|no_puedo_hacer_vida|muchisimo|mucho|bastante|"
                "totalmente|fatal|horrible|un_monton|me_esta_amargando|me_tiene_frito|"
                "no_puedo_ir|no_puedo_dormir|no_puedo_andar|no_puedo_caminar|me_cuesta",),
        "no": ("hago_vida_normal|vida_normal|voy_tirando|ir_tirando|tirando|se_puede_llevar|"
               "llevadero|llevable|soportable|aguantable|no_tanto|no_mucho|poco|un_poco|algo|"
               "me_apaño|me_las_apaño|puedo_hacer|no_me_impide|no_me_limita|meh|normal",),
    },
}  # fmt: skip

LEXICON = Lexicon(
    code="es",
    groups=GROUPS,
    signs=SIGNS,
    topics=TOPICS,
    idioms=IDIOMS,
    units=UNITS,
    numbers=NUMBERS,
    months=MONTHS,
    holidays=HOLIDAYS,
    weekdays=WEEKDAYS,
    answers=ANSWERS,
    clause_breaks=("pero", "aunque", "sino", "excepto", "salvo", "aparte", "igualmente"),
    fold_accents=True,
)
