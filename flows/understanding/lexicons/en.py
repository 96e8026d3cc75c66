"""English words for reading typed messages (see `flows/understanding/lexicon.py`)."""

from __future__ import annotations

from flows.understanding.lexicon import Certainty, Lexicon, SignPattern, Unit

POSSIBLE = Certainty.POSSIBLE


# A short name: the sign table below is long.
_s = SignPattern


# A body temperature written as a number, in Celsius ("38.7") or Fahrenheit ("102.5").
_TEMPERATURES = (
    *(f"{whole}.{tenth}" for whole in (37, 38, 39, 40, 41) for tenth in range(10)
      if (whole, tenth) >= (37, 5)),
    *(f"{whole}.{tenth}" for whole in range(99, 107) for tenth in range(10)
      if (whole, tenth) >= (99, 5)),
    *(str(whole) for whole in range(100, 107)),
)  # fmt: skip


GROUPS: dict[str, tuple[str, ...]] = {
    # --- around a sign ---
    "NEGATION": (
        "no", "not", "never", "none", "nothing", "without", "neither", "nor", "nope", "nah",
        "don't", "dont", "didn't", "didnt", "doesn't", "doesnt", "isn't", "isnt", "wasn't",
        "wasnt", "aren't", "arent", "weren't", "werent", "haven't", "havent", "hasn't",
        "hasnt", "hadn't", "hadnt", "ain't", "aint", "n't", "nothin",
    ),
    # Words that may stand between a negation and its sign: "no real numbness", "I
    # haven't had any leaking", "legs are fine, no".
    "BRIDGE": (
        "or", "have", "has", "had", "be", "been", "am", "is", "are", "was", "were", "do", "any",
        "a", "an", "the", "my", "real", "really", "new", "sudden", "suddenly", "ever",
        "feel", "felt", "get", "got", "notice", "noticed", "experience", "had", "such",
        "problem", "issue", "sign", "of", "with", "at", "all", "i", "so", "far", "yet",
        "too", "either", "that", "there", "it", "its", "it's", "thank", "thanks", "god",
        "luckily", "fortunately", "still", "definitely", "also",
        # "I don't take steroids", "never used heroin", "not on any steroids"
        "take", "taking", "took", "use", "used", "using", "on",
    ),
    "OTHER_PERSON": (
        "dad", "father", "mum", "mom", "mother", "mam", "wife", "husband", "hubby", "son",
        "daughter", "brother", "sister", "friend", "mate", "neighbour", "neighbor", "gran",
        "granny", "grandma", "grandpa", "grandad", "granddad", "grandmother", "grandfather",
        "uncle", "aunt", "auntie", "cousin", "colleague", "coworker", "boss", "partner",
        "boyfriend", "girlfriend", "he", "she", "they", "him", "her", "them", "someone",
        "somebody", "nan", "nana", "kid", "child", "baby", "patient", "client", "guy",
        "man", "woman", "lady", "people", "family", "sibling", "parent", "relative",
        "dog", "cat", "pet", "puppy", "kitten", "toddler", "kids", "children", "twins",
        "grandson", "granddaughter", "grandchild", "grandkid", "nephew", "niece",
        "stepson", "stepdaughter", "flatmate", "roommate", "housemate",
    ),
    "FIRST_PERSON": ("i", "me", "i'm", "im", "i've", "ive", "i'd", "myself", "i'll", "my", "mine"),
    "LONG_AGO": (
        "year_ago", "yr_ago", "years_back", "as_a_kid", "as_a_child", "when_i_was",
        "long_ago", "long_time_ago", "decade_ago", "back_in", "in_the_past", "childhood",
        "year_back", "yrs_ago", "years_ago", "as_a_teenager", "as_a_teen", "as_a_boy",
        "as_a_girl", "when_i_was_young", "when_i_was_little", "in_my_teens", "in_my_twenties",
    ),
    "UNCHANGED": (
        "nothing_new", "no_change", "not_changed", "hasn't_changed", "hasnt_changed",
        "same_as_always", "same_as_ever", "nothing_different", "not_new", "always_been",
        "no_different", "nothing_changed", "nothing_has_changed", "fully_recover", "fully_recovered", "all_healed", "healed",
        "been_fine", "fine_since", "fine_ever_since", "no_problems_since", "no_trouble_since",
    ),
    # Weakness that creeps up is the nerve flag's (urgent), not the sudden emergency one:
    # such words keep a sign from being plain.
    "GRADUAL": ("gradually", "slowly", "bit_by_bit", "little_by_little", "over_time",
                "over_the_weeks", "over_weeks", "over_months", "progressively", "creeping"),
    "HEDGE": (
        "maybe", "perhaps", "think", "might", "kind_of", "kinda", "sort_of", "sorta",
        "probably", "possibly", "not_sure", "unsure", "dunno", "idk", "weird", "strange",
        "wonder", "guess", "bit", "slightly", "little", "if",
        # A condition or a feeling is no plain statement: "can't pee when I'm nervous",
        # "legs feel weak", "a minor crash".
        "when", "whenever", "feel", "feels", "felt", "minor", "only_when", "still",
    ),
    "CANT": (
        "cannot", "can't", "cant", "cnt", "couldn't", "couldnt", "unable", "can_not",
        "could_not", "not_able", "no_way", "won't", "wont", "wouldn't", "wouldnt",
        "hard_to", "struggle", "barely", "trouble", "difficult", "difficulty",
    ),
    # --- around a topic (contract v3) ---
    # A function whose negation is the sign itself: "I don't feel my legs", "haven't peed".
    "FUNCTION": (
        "feel", "felt", "feeling", "sensation", "control", "hold", "pee", "wee", "urinate",
        "piss", "poo", "poop", "pass", "go", "walk", "stand", "move", "work", "working",
        "support", "come", "empty", "lift", "able",
    ),
    # What a "no" about a function is really about: "no problems peeing".
    "PROBLEM": (
        "problem", "problems", "issue", "issues", "trouble", "difficulty", "any", "change",
        "changes", "complaint", "complaints",
    ),
    "FINE": (
        "fine", "ok", "okay", "normal", "good", "alright", "all_right", "perfect", "grand",
        "great", "unaffected", "as_usual", "same_as_usual", "no_problem", "no_problems",
        "no_issues", "not_a_problem", "all_good", "all_fine", "all_normal", "all_ok",
    ),
    # A clause opening with one of these and ending in "?" asks rather than reports.
    "QUESTION_WORD": (
        "what", "whats", "what's", "how", "does", "do", "is", "are", "should", "would",
        "which", "when", "why", "where", "who", "define", "meaning", "mean",
    ),
    # What the emergency signs are about, for the topic patterns below.
    "BLADDER_TOPIC": (
        "bladder", "bowel", "bowels", "urine", "urinate", "urination", "pee", "wee", "piss",
        "poo", "poop", "stool", "stools", "incontinence", "incontinent", "continence",
        "catheter", "leak", "leakage", "dribble", "toilet", "loo", "number_one",
        "number_two", "wet_myself", "wetting", "soil", "soiled", "nappy", "diaper", "pad",
        "pads", "poo_myself", "pee_myself", "urinary", "peeing", "weeing",
    ),
    "GENITAL": (
        "genitals", "genital", "penis", "vagina", "vulva", "scrotum", "testicle",
        "testicles", "privates", "private_parts", "perineum", "anus", "rectum",
        "back_passage", "down_there", "down_below", "nether_regions", "lady_parts",
        "between_my_legs", "between_the_legs", "saddle",
        "crotch", "erection", "impotence", "impotent", "ejaculate", "ejaculation",
        "orgasm", "sex_life",
    ),
    "LEG_FAILS": (
        "weak", "weakness", "give", "gave", "giving", "buckle", "buckled", "collapse",
        "collapsed", "fold", "folded", "jelly", "wobbly", "fail", "failing", "dead",
        "useless", "heavy", "paralysed", "paralyzed", "paralysis", "floppy", "limp",
        "drag", "dragging", "not_work", "stop_work", "won't_move", "wont_move", "no_strength",
        "strength", "numb_and_weak", "go", "gone", "went",
    ),
    "FEEL": ("feel", "felt", "feeling", "sensation"),
    "CRASH_TOPIC": (
        "accident", "crash", "crashed", "collision", "wreck", "wrecked", "smash", "smashed",
        "totalled", "totaled", "totalled_my", "write_off", "written_off", "wrote_off",
        "fender_bender", "pile_up", "hit_by", "knocked_down", "knocked_off", "run_over",
        "rear_ended", "t_boned", "whiplash", "fall", "fell", "falling", "slip", "slipped",
        "trip", "tripped", "tumble", "tumbled", "thrown", "thrown_off", "come_off",
        "came_off", "landed_on", "injury", "injured", "trauma", "fracture", "fractured",
        "broke", "broken",
    ),
    # --- bowel and bladder ---
    "LOSE": ("lose", "loss", "lost", "losing", "cannot", "can't", "no_control", "zero_control"),
    "CONTROL": ("control", "hold", "sensation", "hold_it"),
    "BLADDER": (
        "bladder", "bowel", "bowels", "pee", "piss", "wee", "urine", "urinate", "poo",
        "poop", "stool", "toilet", "loo", "motion", "motions", "pee_pee", "number_two",
        "bathroom", "wee_wee", "water", "pish",
    ),
    "PEE_VERB": (
        "pee", "wee", "urinate", "piss", "poo", "poop", "pass_urine", "pass_water",
        "empty_my_bladder", "go_to_the_toilet", "go_to_the_loo", "go_to_the_bathroom",
        "pass_stool", "have_a_wee", "have_a_pee", "do_a_wee", "take_a_piss", "go",
        "urinating", "peeing", "weeing",
    ),
    "SELF": ("myself", "me", "my_pants", "my_trousers", "my_underwear", "the_bed", "my_bed",
             "my_knickers", "my_jeans", "my_clothes", "my_undies", "clothes"),
    "WET_VERB": ("wet", "pee", "peed", "piss", "pissed", "wee", "poo", "pooed", "poop",
                 "pooped", "soil", "soiled", "mess", "shit", "shat"),
    "LEAK": ("leak", "leaking", "dribble", "dribbling", "incontinent", "incontinence",
             "accident", "trickle", "seep", "drip"),
    "NUMB": ("numb", "numbness", "dead", "no_feeling", "tingle", "tingly", "pins_and_needles",
             "numbish", "no_sensation", "lost_feeling", "cant_feel", "cannot_feel", "can't_feel",
             "couldn't_feel", "couldnt_feel", "feel_nothing", "asleep"),
    "SADDLE": (
        "groin", "crotch", "saddle", "bum", "butt", "buttock", "bottom", "backside", "arse",
        "ass", "genital", "genitals", "privates", "private_part", "private_parts",
        "down_there", "down_below", "nether_regions", "lady_parts", "between_my_legs",
        "inner_thigh", "inner_thighs", "perineum",
        "taint", "bits", "my_bits", "vagina", "penis", "fanny", "anus", "bum_hole",
        "butthole", "scrotum", "testicle", "balls", "labia", "nether", "saddle_area",
        "back_passage", "rectum", "bum_cheek", "cheeks",
    ),
    "WIPE": ("wipe", "wiping", "paper", "loo_roll", "toilet_paper", "toilet_seat", "seat"),
    "SEX": ("erection", "get_it_up", "impotent", "impotence", "sex", "orgasm", "climax",
            "ejaculate", "libido", "sexual", "down_there"),
    # --- legs ---
    "LEG": ("leg", "legs", "knee", "knees", "foot", "feet", "thigh", "limb", "limbs", "shin",
            "shins", "calf", "calves", "ankle", "ankles", "toes"),
    "GIVE_WAY": (
        "give_way", "give_out", "gave_way", "gave_out", "giving_way", "giving_out",
        "buckle", "collapse", "fold", "go_from_under", "go_out_from_under", "went_from_under",
        "give", "go_to_jelly", "went_to_jelly", "like_jelly", "like_noodles", "jelly",
        "noodles", "wobbly", "switch_off", "not_there", "go_dead", "went_dead", "fail",
        "not_support", "not_hold", "won't_hold", "wont_hold", "wouldn't_hold",
        "wouldnt_hold", "no_strength", "not_work", "won't_work", "wont_work", "flop",
        "drop", "not_listen", "don't_listen", "dont_listen", "paralysed", "paralyzed",
        "weak", "weakness",
    ),
    "STAND": ("stand", "stand_up", "walk", "bear_weight", "put_weight", "put_any_weight",
              "get_up", "move_my_leg", "move_my_legs", "lift_my_leg", "lift_my_foot",
              "lift_it", "climb", "move", "weight_bear", "hold_me", "hold_my_weight",
              "support_me", "stay_up", "stand_on"),
    "SUDDEN": ("sudden", "suddenly", "all_of_a_sudden", "out_of_nowhere", "just", "overnight",
               "today", "this_morning", "last_night", "since_morning", "since_yesterday"),
    # --- injuries ---
    "VEHICLE": (
        "car", "motorbike", "motorcycle", "bike", "scooter", "moped", "bus", "truck",
        "lorry", "van", "ute", "quad", "quad_bike", "atv", "tractor", "rickshaw",
        "auto_rickshaw", "two_wheeler", "motor", "vehicle", "taxi", "cab",
    ),
    "CRASH": ("accident", "crash", "collision", "crashed", "smash", "wreck", "pile_up",
              "rear_end", "rear_ended", "t_bone", "t_boned", "rtc", "rta", "mva", "hit",
              "knock", "knocked", "run_over", "roll", "rolled", "flip", "flipped"),
    "FALL": ("fall", "fell", "slip", "slipped", "tumble", "tumbled", "come_off", "came_off",
             "thrown", "throw", "land", "landed", "trip"),
    "HEIGHT": (
        "ladder", "roof", "stairs", "stair", "staircase", "steps", "flight", "horse",
        "height", "scaffold", "scaffolding", "tree", "balcony", "terrace", "loft",
        "wall", "cliff", "trampoline", "window", "bunk", "metre", "metres", "meter",
        "meters", "feet", "ft", "storey", "floor", "bike", "motorbike", "ice", "icy",
    ),
    "SERIOUS": ("bad", "big", "serious", "nasty", "major", "huge", "heavy", "hard", "awful"),
    # --- urgent signs ---
    "TEMPERATURE": _TEMPERATURES,
    "FEVER": ("fever", "feva", "fevah", "temperature", "temp", "feverish", "high_temp", "high_temperature",
              "chill", "chills", "shiver", "shivering", "rigor", "rigors", "night_sweats",
              "sweats", "hot_and_cold", "burning_up", "febrile", "pyrexia"),
    "WEIGHT": ("weight", "kilo", "kilos", "kg", "kgs", "pound", "pounds", "lb", "lbs",
               "stone", "dress_size", "clothes_loose", "clothes_are_loose", "belt"),
    "LOSE_WEIGHT": ("lose", "lost", "losing", "drop", "dropped", "dropping", "shed", "down",
                    "melt", "thinner", "skinny", "loose", "falling_off"),
    "NO_REASON": ("without_trying", "not_trying", "no_reason", "not_dieting", "no_diet",
                  "without_dieting", "don't_know_why", "dont_know_why", "no_idea_why",
                  "unexplained", "for_no_reason", "eating_normally", "eating_normal",
                  "not_on_a_diet", "eating_the_same", "eating_loads", "for_nothing"),
    "REST": ("rest", "resting", "lie", "lying", "laying", "lie_down", "lying_down", "sleep",
             "sleeping", "bed", "still", "night", "nights", "at_night", "overnight",
             "in_bed", "keep_still", "sit_still"),
    "NOT_EASE": ("not_ease", "doesn't_ease", "doesnt_ease", "no_better", "not_better",
                 "no_relief", "doesn't_help", "doesnt_help", "does_not_help", "still_hurt",
                 "even_when", "even_at", "even_lying", "wake", "woke", "wakes", "waking",
                 "keep_me_up", "keeps_me_up", "nothing_ease", "nothing_eases", "nothing_helps",
                 "not_reduce", "not_reducing", "no_reduce", "doesn't_go", "doesnt_go", "kept_me_up", "up_all_night", "no_position",
                 "any_position", "constant", "worse_at_night", "worst_at_night",
                 "can't_sleep", "cant_sleep", "cannot_sleep", "never_stop", "nonstop",
                 "24/7", "all_the_time", "doesn't_matter", "doesnt_matter", "no_matter"),
    "CANCER": ("cancer", "tumour", "tumor", "chemo", "chemotherapy", "radiotherapy",
               "radiation", "oncology", "oncologist", "lymphoma", "leukaemia", "leukemia",
               "melanoma", "myeloma", "carcinoma", "sarcoma", "malignant", "malignancy",
               "metastasis", "metastases", "mets", "mastectomy", "ca", "the_big_c",
               "lumpectomy", "tamoxifen"),
    "NERVE": ("numb", "numbness", "tingle", "tingling", "tingly", "pins_and_needles", "pins_n_needles",
              "weak", "weakness", "pain", "sciatica", "burn", "burning", "shoot", "shooting",
              "electric", "zing", "dead", "prickle", "prickly", "hurt", "ache"),
    "WORSE": ("worse", "worsening", "spread", "spreading", "getting_worse", "get_worse",
              "progress", "progressing", "increase", "increasing", "more_and_more",
              "further", "creeping", "moving_up", "moving_down", "bigger", "higher", "lower",
              "now_both", "every_day", "each_day", "by_the_day"),
    "BOTH_LEGS": ("both_legs", "both_leg", "both_side", "both_sides", "both_feet",
                  "two_legs", "each_leg", "either_leg", "both_thighs", "both_calves",
                  "both_my_legs", "both_of_my_legs", "legs_both"),
    # --- durations ---
    "ARTICLE": ("a", "an", "one", "the", "last", "past"),
    "RANGE": ("to", "or", "till", "until", "through"),
    # Between two numbers a range ("between 2 and 3"), between a unit and a shorter one a
    # sum ("a month and a week").
    "AND": ("and",),
    # Before an amount, how often, not how long: "twice a year", "every 2 weeks".
    "RATE": ("times", "twice", "once", "x", "per", "every", "each"),
    "FEW": ("few", "several", "some", "couple_of_or_three"),
    "MANY": ("many", "lot", "lots", "loads", "ages", "countless", "numerous"),
    "PLURAL_UNIT": ("days", "weeks", "months", "years", "yrs", "wks", "mths", "ages", "decades"),
    "AND_HALF": ("and_a_half", "and_half", "n_a_half"),
    "AGE_BEFORE": ("i'm", "im", "i_am", "aged", "age", "turned", "turning", "am"),
    "AGE_AFTER": ("old", "of_age", "yo", "o", "y_o"),  # "o": the end of "52y/o"; "16 y/o"
    "FUTURE": ("in", "within", "next", "after_another", "for_another", "another"),
    "LESS": ("less_than", "under", "below", "not_yet", "not_even", "not_quite", "fewer_than",
             "shy_of", "less_then", "<", "not_more_than", "no_more_than", "up_to", "younger_than",
             "younger"),
    # With a negation near the amount, the amount is not reached: "not 6 weeks yet".
    "YET": ("yet", "even"),
    "MORE": ("more_than", "over", "above", "at_least", "longer_than", "more_then", ">",
             "over_a", "well_over", "older_than", "older"),
    # After the amount, the same: "a month or more", "6 weeks plus".
    "MORE_AFTER": ("or_more", "or_longer", "plus", "and_counting"),
    # After the amount, a little more, up to half as long again: "3 weeks and a bit".
    "BIT_MORE": ("and_a_bit", "and_a_little", "and_a_little_bit"),
    "ALMOST": ("almost", "nearly", "close_to", "going_on", "coming_up_to", "approaching",
               "just_under", "a_bit_under", "not_quite"),
    "ABOUT": ("about", "around", "roughly", "approximately", "approx", "like", "maybe",
              "probably", "or_so", "give_or_take", "ish", "round_about", "something_like",
              "guess", "prob", "abt"),
    "SINCE": ("since", "from", "after", "as_of", "ever_since", "starting"),
    "START": ("start", "started", "began", "begin", "came_on", "come_on", "happened",
              "kicked_in"),
    "TODAY": ("today", "tonight", "this_morning", "this_afternoon", "morning", "earlier",
              "this_evening", "an_hour_ago", "just_now"),
    "YESTERDAY": ("yesterday", "last_night", "yday", "yest", "ystrday"),
}  # fmt: skip

SIGNS: tuple[SignPattern, ...] = (
    # bowel and bladder: loss of control, retention, leaking, saddle numbness, early signs
    _s("bowel_bladder", "LOSE CONTROL BLADDER", gap=3),
    _s("bowel_bladder", "no_control|zero_control of|over BLADDER", gap=2),
    _s("bowel_bladder", "haven't|havent|hasn't|hasnt|not|never been able to PEE_VERB", gap=1),
    _s("bowel_bladder", "BLADDER LOSE CONTROL", gap=3),
    _s("bowel_bladder", "LOSE BLADDER CONTROL", gap=2),
    _s("bowel_bladder", "lose|loss|lost control of|over BLADDER", gap=3),
    _s("bowel_bladder", "CANT PEE_VERB", gap=2),
    _s("bowel_bladder", "CANT hold|control|feel BLADDER", gap=3),
    _s("bowel_bladder", "CANT tell|feel|know when BLADDER", gap=4),
    _s("bowel_bladder", "WET_VERB SELF", gap=2),
    _s("bowel_bladder", "WET_VERB in|on SELF|my_sleep|the_car|bed", gap=2),
    _s("bowel_bladder", "WET_VERB the_bed", gap=1),
    _s("bowel_bladder", "LEAK BLADDER"),
    _s("bowel_bladder", "BLADDER LEAK|leak_out|come_out|dribble_out|just_come", gap=3),
    _s("bowel_bladder", "leak|leaking|dribble|dribbling", POSSIBLE),
    _s("bowel_bladder", "incontinence|incontinent"),
    _s("bowel_bladder", "BLADDER not_work|stop_work|stopped_work|won't_come|wont_come|"
                        "not_come|won't_start|wont_start|take_forever", gap=3),
    _s("bowel_bladder", "not|didn't|didnt make_it to the loo|toilet|bathroom", gap=2),
    _s("bowel_bladder", "haven't|havent|hasn't|not had|pass|been a|any wee|pee|urine", POSSIBLE),
    _s("bowel_bladder", "catheter"),
    _s("bowel_bladder", "hard|trouble|difficult|struggle to start|starting BLADDER|PEE_VERB", gap=3),
    _s("bowel_bladder", "feel full|full_bladder but nothing|can't|cant", POSSIBLE, gap=4),
    _s("bowel_bladder", "BLADDER|motion come|came|pass without my|knowing|feeling", gap=3),
    _s("bowel_bladder", "pass|passed BLADDER in clothes|without", gap=3),
    _s("bowel_bladder", "NUMB SADDLE", gap=4),
    _s("bowel_bladder", "SADDLE NUMB", gap=4),
    _s("bowel_bladder", "SADDLE feel|feels|isn't|isnt|not like mine|weird|strange|different", POSSIBLE, gap=4),
    _s("bowel_bladder", "CANT feel WIPE", gap=4),
    _s("bowel_bladder", "CANT feel it|anything when i wipe|touch|sit", POSSIBLE, gap=4),
    _s("bowel_bladder", "sit|sitting on a rolled|towel|saddle", POSSIBLE, gap=4),
    _s("bowel_bladder", "SEX problem|problems|issue|trouble|anymore|stopped|numb|gone|can't|cant|lost", POSSIBLE, gap=4),
    _s("bowel_bladder", "CANT get_it_up|get_an_erection|feel_myself|orgasm|climax", POSSIBLE, gap=3),
    _s("bowel_bladder", "erection|impotent|impotence", POSSIBLE),
    _s("bowel_bladder", "numb|numbness down_there", POSSIBLE),
    _s("bowel_bladder", "BLADDER|peeing|weeing|pee|wee feel|feels|felt different|weird|strange|numb", POSSIBLE, gap=3),
    _s("bowel_bladder", "don't|dont|didn't|didnt|not|cant|can't really feel it when peeing|weeing|i_pee|i_wee|im_peeing|i'm_peeing", POSSIBLE, gap=4),
    # legs
    _s("leg_weakness", "LEG GIVE_WAY", gap=3),
    _s("leg_weakness", "GIVE_WAY LEG", POSSIBLE, gap=2),
    _s("leg_weakness", "CANT STAND"),
    _s("leg_weakness", "CANT LEG", POSSIBLE, gap=3),
    _s("leg_weakness", "LEG go|went|gone from|out under", gap=3),
    _s("leg_weakness", "LEG just not|wasn't|wasnt there", gap=3),
    _s("leg_weakness", "LEG weak|weakness", POSSIBLE, gap=3),
    _s("leg_weakness", "SUDDEN weak|weakness|paralysed|paralyzed", gap=4),
    _s("leg_weakness", "weak|weakness in|of both|my LEG", POSSIBLE, gap=3),
    _s("leg_weakness", "collapse|collapsed|collapsing|buckle|buckling", POSSIBLE),
    _s("leg_weakness", "drop|dropped|hit to|the floor|ground", POSSIBLE, gap=2),
    _s("leg_weakness", "foot drop|flop|flops|dragging|drag", POSSIBLE, gap=2),
    _s("leg_weakness", "keep|kept fall|falling|tripping|trip over", POSSIBLE, gap=2),
    _s("leg_weakness", "fall|fell over twice|again|in_the_kitchen|in_the_shower|when", POSSIBLE, gap=3),
    _s("leg_weakness", "crawl|crawled|crawling"),
    _s("leg_weakness", "stuck in bed|on the floor", POSSIBLE, gap=2),
    _s("leg_weakness", "barely shuffle|walk|stand", POSSIBLE, gap=2),
    _s("leg_weakness", "legs|leg not|aren't|arent|isn't|isnt|stopped supporting|support|holding|working", gap=3),
    _s("leg_weakness", "paralysed|paralyzed|paralysis"),
    # injuries
    _s("trauma", "VEHICLE CRASH", gap=3),
    _s("trauma", "CRASH VEHICLE", POSSIBLE, gap=3),
    _s("trauma", "CRASH by a VEHICLE", gap=2),
    _s("trauma", "rtc|rta|mva|whiplash"),
    _s("trauma", "crash|crashed|accident|collision", POSSIBLE),
    _s("trauma", "FALL off|from|down|out HEIGHT", gap=4),
    _s("trauma", "FALL HEIGHT", POSSIBLE, gap=3),
    _s("trauma", "SERIOUS fall|accident|crash|injury|tumble", gap=2),
    _s("trauma", "FALL off|from a|my|the VEHICLE|horse", gap=3),
    _s("trauma", "HEIGHT throw|threw|thrown|kick|kicked|rolled|fell me", gap=3),
    _s("trauma", "knock|knocked|run over|down|off by|a VEHICLE", gap=3),
    _s("trauma", "t_boned|t_bone|rear_ended|rear_end|run_over"),
    _s("trauma", "fall|fell|slip|slipped|land|landed", POSSIBLE),
    _s("trauma", "injury|injured|hurt|trauma at|in work|rugby|football|gym|sport", POSSIBLE, gap=3),
    # urgent signs
    _s("fever", "FEVER"),
    _s("fever", "hot|boiling|burning and|n cold|sweaty|shaky", gap=2),
    # "running 102.5F", "temp of 38.9": a number a body reads as fever.
    _s("fever", "running|run|spiking|spike|hit|hitting|reached|of|was|is|at TEMPERATURE",
       gap=1),
    _s("fever", "TEMPERATURE f|c|degrees|deg|fahrenheit|celsius", gap=0),
    _s("weight_loss", "LOSE_WEIGHT WEIGHT", gap=4),
    _s("weight_loss", "WEIGHT LOSE_WEIGHT", gap=3),
    _s("weight_loss", "weight_loss"),
    _s("weight_loss", "clothes|jeans|trousers|belt baggy|loose|falling", gap=3),
    _s("rest_pain", "REST NOT_EASE", gap=5),
    _s("rest_pain", "NOT_EASE REST", gap=5),
    _s("rest_pain", "wake|woke|wakes|waking|keep|keeps|kept me up|at_night|night", gap=3),
    _s("rest_pain", "worse|worst|bad|agony at|in night|bed", gap=2),
    _s("rest_pain", "can't|cant|cannot|never sleep|get_comfortable|get_comfy|lie", gap=3),
    _s("rest_pain", "NOT_EASE"),
    # Pain that is there at rest: "hurts even when I'm lying down".
    _s("rest_pain", "hurt|hurts|ache|aches|pain|painful|sore even|evn|still when|while REST",
       gap=3),
    _s("cancer_history", "CANCER"),
    _s("nerve_progressive", "NERVE WORSE", gap=6),
    _s("nerve_progressive", "WORSE NERVE", gap=5),
    _s("nerve_progressive", "NERVE BOTH_LEGS", gap=5),
    _s("nerve_progressive", "BOTH_LEGS NERVE", gap=5),
    _s("nerve_progressive", "now in|both LEG", gap=2),
    _s("nerve_progressive", "other leg|side too|now|as well", gap=3),
    _s("nerve_progressive", "now its|it's|in both", gap=1),
    # Spread to the whole of it: "now my whole shin is numb".
    _s("nerve_progressive", "whole|entire LEG NERVE", gap=2),
    _s("nerve_progressive", "getting|gets|gone number|numbr", gap=1),
    # v3 risk factors (section 1a): the bot asks the risk-factor question.
    _s("risk_factors", "steroid|prednisolone|prednisone|dexamethasone|corticosteroid|"
                       "hydrocortisone|methotrexate|immunosuppressant|immunosuppressed|"
                       "immunocompromised|hiv|aids|osteoporosis|osteopenia|heroin"),
    _s("risk_factors", "transplant|chemo|chemotherapy"),
    _s("risk_factors", "weak|weakened|low|poor immune|immunity", gap=2),
    _s("risk_factors", "thin|brittle|fragile bones|bone", gap=1),
    _s("risk_factors", "inject|injecting|shoot|shooting drugs|heroin|up", gap=1),
    _s("risk_factors", "iv|intravenous drugs|drug|use", gap=1),
)  # fmt: skip

# What each emergency sign is about (contract v3): a message touching one of these, and
# not clearly denying it, is confirmed with one tap.
TOPICS: tuple[SignPattern, ...] = (
    _s("bowel_bladder", "BLADDER_TOPIC"),
    _s("bowel_bladder", "GENITAL"),
    # Numb, not merely felt: "it feels like it's in the groin" is where hip pain is.
    _s("bowel_bladder", "NUMB SADDLE", gap=4),
    _s("bowel_bladder", "SADDLE NUMB", gap=4),
    _s("bowel_bladder", "FEEL|NUMB WIPE", gap=4),
    _s("bowel_bladder", "nothing come|comes|came out", gap=1),
    _s("leg_weakness", "LEG LEG_FAILS", gap=3),
    _s("leg_weakness", "LEG_FAILS LEG", gap=3),
    _s("leg_weakness", "FEEL LEG", gap=3),
    _s("leg_weakness", "LEG FEEL", gap=3),
    _s("leg_weakness", "CANT STAND", gap=3),
    _s("leg_weakness", "CANT LEG", gap=3),
    _s("leg_weakness", "collapse|collapsed|crawl|crawled|crawling|wheelchair|paralysed|paralyzed"),
    _s("leg_weakness", "fell|fall over|down", gap=1),
    _s("trauma", "CRASH_TOPIC"),
    _s("trauma", "VEHICLE CRASH|hit|hits|flip|flipped|roll|rolled", gap=3),
    # Another vehicle into the writer's: "a lorry went into the back of my car".
    _s("trauma", "VEHICLE go|went|drive|drove|run|ran|plough|ploughed|plow|plowed|slam|slammed|"
                 "smash|smashed|crash|crashed into", gap=2),
    _s("trauma", "into the back of my|our VEHICLE", gap=1),
    # Thrown from a bike or a horse: "over the handlebars", "came off my bike".
    _s("trauma", "over the handlebars|handlebar|bonnet|hood"),
    _s("trauma", "come|came|thrown|fell off|from my|the|a VEHICLE|horse", gap=2),
)  # fmt: skip

LEXICON = Lexicon(
    code="en",
    groups=GROUPS,
    signs=SIGNS,
    topics=TOPICS,
    idioms=(
        "CANT stand|take|bear|handle it|this|the|that|much|anymore|any_more",
        # "can't stand sitting at my desk": can't stand doing something is disliking it.
        # "can't walk my dog", "can't stand still": an errand or restlessness, not the legs.
        "CANT walk my|the dog|dogs",
        "CANT stand|sit|keep still",
        "CANT stand|bear sitting|working|driving|waiting|lying|being|bending|standing|"
        "queueing|queuing|commuting|it|people|my_job|my_chair|my_desk",
        "can't|cant|cannot|couldn't stand|take|bear the|this|it pain|anymore|much",
        "kill|killing me",
        "dying of|from|with",
        "pain in the ass|arse|butt|backside|bum",
        "fall|fell asleep",
        "stand up straight|straight_up",
        "CANT sit|sleep|bend",
        "CANT walk|stand more_than|far|for_long|long|very|too|much|as",
        "slip|slipped|slipping disc|disk",
        "WET_VERB SELF laugh|laughing|lol",
        "cant|can't wait",
        # A steroid injection is a pain treatment, not months of steroid tablets.
        "steroid|cortisone injection|injections|shot|shots|jab|jabs|epidural",
        "epidural steroid",
        # Scots "wee" is small: "the wee one" is a child.
        "wee one|ones|man|boy|girl|lad|lass|bit|while|thing|bairn|yin",
        "piss|pissed off",
        "pissing me off",
        "fall|fell|falling apart",
        "bum|butt leg|hip|knee",
    ),
    units={
        "day": Unit(1),
        "days": Unit(1),
        "d": Unit(1),
        "dys": Unit(1),
        "dy": Unit(1),
        "week": Unit(7),
        "weeks": Unit(7),
        "wk": Unit(7),
        "wks": Unit(7),
        "w": Unit(7),
        "weks": Unit(7),
        "wees": Unit(7),
        "weeeks": Unit(7),
        "month": Unit(30.4),
        "months": Unit(30.4),
        "mo": Unit(30.4),
        "mos": Unit(30.4),
        "mth": Unit(30.4),
        "mths": Unit(30.4),
        "mnth": Unit(30.4),
        "mnths": Unit(30.4),
        "monthes": Unit(30.4),
        "moths": Unit(30.4),
        "m": Unit(30.4),
        "year": Unit(365),
        "years": Unit(365),
        "yr": Unit(365),
        "yrs": Unit(365),
        "y": Unit(365),
        "yeras": Unit(365),
        "decade": Unit(3650),
        "decades": Unit(3650),
        "fortnight": Unit(14, alone_is_one=True),
        "fortnights": Unit(14),
        "forever": Unit(365, alone_is_one=True),
        "hours": Unit(0.05),
        "hour": Unit(0.05),
        "hrs": Unit(0.05),
    },
    numbers={
        "one": 1,
        "two": 2,
        "three": 3,
        "four": 4,
        "five": 5,
        "six": 6,
        "seven": 7,
        "eight": 8,
        "nine": 9,
        "ten": 10,
        "eleven": 11,
        "twelve": 12,
        "fifteen": 15,
        "twenty": 20,
        "thirty": 30,
        "couple": 2,
        "pair": 2,
        "half": 0.5,
        "a_half": 0.5,
        "single": 1,
        "fourteen": 14,
        "eighteen": 18,
    },
    months={
        "january": 1,
        "jan": 1,
        "february": 2,
        "feb": 2,
        "march": 3,
        "mar": 3,
        "april": 4,
        "apr": 4,
        "may": 5,
        "june": 6,
        "jun": 6,
        "july": 7,
        "jul": 7,
        "august": 8,
        "aug": 8,
        "september": 9,
        "sept": 9,
        "sep": 9,
        "october": 10,
        "oct": 10,
        "november": 11,
        "nov": 11,
        "december": 12,
        "dec": 12,
    },
    holidays={
        "christmas": (12, 25),
        "xmas": (12, 25),
        "new_year": (1, 1),
        "halloween": (10, 31),
        "diwali": (11, 8),
        "thanksgiving": (11, 26),
        "easter": (4, 5),
    },
    weekdays=(
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "mon",
        "tue",
        "tues",
        "wed",
        "thu",
        "thurs",
        "fri",
        "sat",
        "sun",
        "weekend",
    ),
    answers={
        "yes_no": {
            "yes": (
                "yes|yeah|yep|yup|ya|yea|yh|yeh|ye|y|sure|correct|right|affirmative|"
                "definitely|absolutely|indeed|true|aye|uh_huh|i_do|i_have|i_am|"
                "it_does|it_is|i_did|totally|yess|yesss|yas",
            ),
            "no": (
                "no|nope|nah|n|nop|non|never|none|negative|not_really|no_way|not_at_all|"
                "i_don't|i_dont|i_haven't|i_havent|it_doesn't|it_doesnt|nothing|nada|"
                "nothing_like_that|don't_think_so|dont_think_so|not_that_i_know|"
                "i'm_fine|im_fine|all_good|no_no|nooo|noo",
            ),
            "unsure": (
                "not_sure|unsure|dunno|don't_know|dont_know|idk|maybe|perhaps|"
                "no_idea|possibly|can't_say|cant_say|hard_to_say|not_certain|"
                "no_clue|might|kind_of|sort_of|kinda|sorta|i_guess",
            ),
        },
        "location": {
            "back": (
                "back|lower_back|low_back|spine|lumbar|lower_spine|tailbone|coccyx|"
                "small_of_my_back|back_pain",
            ),
            "hip": ("hip|hips|groin|hip_joint|side_of_my_hip",),
            "both": (
                "both|back_and_hip|hip_and_back|all_of_it|everywhere|both_areas|"
                "back_and_groin|each",
                "back hip",
                "hip back",
            ),
        },
        "pain_type": {
            "radicular": (
                "shoot|shooting|sciatica|down_my_leg|down_the_leg|down_my_legs|"
                "numb|numbness|tingle|tingling|tingly|pins_and_needles|electric|"
                "nerve|nerve_pain|burning_down|radiate|radiating|into_my_leg|"
                "into_the_leg|into_my_foot|zap|zing",
            ),
            "mechanical": (
                "move|moving|movement|bend|bending|sit|sitting|stiff|stiffness|"
                "twist|lift|lifting|position|posture|better_when_i_rest|"
                "better_with_rest|worse_when|ease_with_rest|standing_long|"
                "when_i_walk|achy_after",
            ),
            "nonspecific": (
                "neither|none|not_sure|dunno|don't_know|dont_know|idk|"
                "no_idea|hard_to_say|kind_of_both|all_over|just_ache|"
                "dull|general",
            ),
        },
        "conservative_tried": {
            "yes": (
                "physio|physiotherapy|physical_therapy|pt|exercise|exercises|"
                "rehab|chiro|chiropractor|tablet|tablets|pill|pills|painkiller|"
                "painkillers|ibuprofen|naproxen|medication|medicine|meds|injection|"
                "massage|tried_everything|nothing_help|nothing_helps|nothing_works|"
                "nothing_worked|didn't_help|didnt_help|not_helped|no_help",
            ),
            "no": (
                "not_yet|nothing_yet|haven't_tried|havent_tried|not_tried|"
                "never_tried|haven't_had|havent_had|nothing_so_far|no_treatment|"
                "not_seen_anyone|haven't_seen|havent_seen|just_started",
            ),
        },
        "imaging_structural": {
            "disc": (
                "disc|disk|herniated|herniation|hernia|slipped_disc|slipped_disk|"
                "bulge|bulging|prolapse|prolapsed|stenosis|narrowing|pinched_nerve|"
                "protrusion|extrusion",
            ),
            "hip": (
                "arthritis|osteoarthritis|arthrosis|hip_joint|worn_hip|wear_and_tear|worn|worn_out|"
                "worn_out_hip|cartilage|labral|labrum|bone_on_bone",
            ),
            "deformity": (
                "scoliosis|deformity|unstable|instability|spondylolisthesis|"
                "slipped_vertebra|curved|curvature|kyphosis|curve",
            ),
            "none": (
                "no_scan|never_had|not_had|haven't_had|havent_had|nothing|normal|"
                "clear|clean|fine|all_clear|nothing_significant|didn't_show|"
                "didnt_show|nothing_found|no_mri|no_xray|no_x_ray|none",
            ),
        },
        "debilitating": {
            "yes": (
                "can't_work|cant_work|off_work|can't_do|cant_do|stops_me|stop_me|"
                "ruin|ruining|everything|housebound|bedbound|can't_function|"
                "cant_function|really_bad|a_lot|massively|hugely|very",
            ),
            "no": (
                "manage|managing|manageable|get_by|cope|coping|not_much|a_bit|"
                "a_little|mostly_fine|can_still",
            ),
        },
    },
    clause_breaks=(
        "but",
        "however",
        "although",
        "though",
        "tho",
        "except",
        "whereas",
        "yet",
        "apart",
        "anyway",
    ),
    fold_accents=True,
)
