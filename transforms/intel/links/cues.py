"""The words that state an event, per type, in English and Russian: data, not logic. Each cue is a
regular expression matched case-insensitively inside one sentence; the first cue of a type that matches
names the rule ("agreement_signed:1")."""

from __future__ import annotations

import re

W = r"(?:[\w«»\"“”'’-]+\s+)"  # one word and its space
PLANT_EN = r"(?:plant|factory|production|facility|mill|enterprise)"
PLANT_RU = r"(?:завод|производств|предприяти|фабрик|цех|комбинат)\w*"
EVENT_NOUN_EN = r"(?:forum|conference|congress|summit|exhibition|expo)"
EVENT_NOUN_RU = r"(?<!-)(?:форум|конференци|съезд|саммит|выставк|сесси)\w*"  # not «пресс-конференция»

# a meeting told as the setting of its sentence ("at a meeting with", «на встрече»)
AT_MEETING = (
    r"\b(?:at|during)\s+(?:a|the)\s+meeting\s+with\b",
    r"\bна\s+(?:рабочей\s+|деловой\s+)?встрече\b",
)

EVENT_CUES: dict[str, tuple[str, ...]] = {
    "agreement_signed": (
        rf"\bsigned\s+{W}{{0,4}}?(?:agreement|memorandum|contract|road\s*map|accord)s?\b",
        r"\b(?:agreement|memorandum|contract)s?\b[^.;]{0,120}?\b(?:was|were|has\s+been|have\s+been)\s+signed\b",
        rf"\bsigning\s+of\s+{W}{{0,3}}?(?:agreement|memorandum|contract)s?\b",
        rf"\bподписал[аио]?\s+{W}{{0,4}}?(?:соглашени|меморандум|договор|дорожн)\w*",
        rf"\b(?:соглашени|меморандум|договор)\w*\s+{W}{{0,4}}?подписал[аио]?\b",
        rf"\bподписан[оаы]?\s+{W}{{0,3}}?(?:соглашени|меморандум|договор)\w*",
        rf"\bзаключил[аио]?\s+{W}{{0,3}}?(?:соглашени|договор|меморандум)\w*",
        rf"\bподписани[ея]\s+{W}{{0,2}}?(?:соглашени|меморандум|договор)\w*",
        r"\bподписи\s+под\s+(?:документом|соглашением)\b",
        # "Документ подписали губернатор … и президент фонда …": a document signed by several is an agreement
        rf"\bдокумент\w*\s+{W}{{0,3}}?подписали\b",
        r"\bпоставили\s+(?:свои\s+)?подписи\s+под\b",  # «поставили подписи под Соглашением»
        r"\b(?:the\s+)?document\s+was\s+signed\s+by\b",
        # a signing to come: "will sign a memorandum", "agreed to sign in November … a memorandum", "an
        # agreement will be signed" (planned: cues.FUTURE, transforms.intel.links.tense)
        r"\b(?:will|to|shall)\s+sign\s+[^.;]{0,60}?\b(?:agreement|memorandum|contract|road\s*map|accord)s?\b",
        r"\b(?:agreement|memorandum|contract)s?\b[^.;]{0,120}?\bwill\s+be\s+signed\b",
    ),
    "register_application": (
        rf"\b(?:sent|submitted|filed)\s+{W}{{0,3}}?(?:documentation|documents|applications?)\b[^.;]{{0,120}}?"
        rf"\b(?:inclusion|entry)\s+{W}{{0,4}}?(?:in|into)\s+{W}{{0,4}}?register\b",
        rf"\bappl(?:ied|ies)\s+for\s+(?:inclusion|entry)\s+(?:in|into)\s+{W}{{0,4}}?register\b",
        rf"\b(?:направил[аи]?|подал[аи]?|представил[аи]?)\s+{W}{{0,4}}?(?:заявк|документ)\w*[^.;]{{0,120}}?"
        rf"\bвключени\w+\s+в\s+{W}{{0,2}}?реестр",
        rf"\bзаявк\w+\s+{W}{{0,3}}?на\s+включение\s+в\s+{W}{{0,2}}?реестр",
        rf"\bвключени\w+\s+в\s+{W}{{0,2}}?реестр\w*\s+{W}{{0,3}}?(?:наход\w+|рассматрива\w+|поступил\w*)\s+"
        rf"{W}{{0,3}}?заявк\w*",
    ),
    "register_entry": (
        rf"\b(?:was|were|has\s+been|have\s+been)\s+(?:included|entered|added)\s+(?:in|into|to)\s+{W}{{0,5}}?register\b",
        rf"\b(?:entered|joined)\s+the\s+{W}{{0,4}}?register\b",
        rf"\bincluded\s+{W}{{1,8}}?in(?:to)?\s+the\s+{W}{{0,4}}?register\b",
        rf"\bвключ(?:ен|ён|ена|ено|ены|ил|ила|или)\s+{W}{{0,8}}?в\s+{W}{{0,2}}?реестр",
        rf"\bвнес(?:ен|ён|ена|ено|ены|ла|ли)\s+{W}{{0,6}}?в\s+{W}{{0,2}}?реестр",
        rf"\bвош(?:ел|ёл|ла|ли)\s+в\s+{W}{{0,2}}?реестр",
        rf"\bстал[аи]?\s+[^.;]{{0,60}}?\bвключ[её]нн\w+\s+в\s+{W}{{0,2}}?реестр",
    ),
    "subsidy_granted": (
        rf"\b(?:received|was\s+granted|were\s+granted|has\s+received|have\s+received|was\s+awarded)\s+{W}{{0,3}}?"
        r"(?:subsid(?:y|ies)|grants?)\b",
        rf"\bsubsid(?:y|ies)\s+{W}{{0,6}}?(?:was|were|has\s+been|have\s+been)\s+(?:granted|allocated|provided|paid)\b",
        rf"\bполучил[аи]?\s+{W}{{0,3}}?(?:субсиди|грант)\w*",
        rf"\b(?:предоставлен[аыо]?|выделен[аыо]?|выплачен[аыо]?|перечислен[аыо]?)\s+{W}{{0,3}}?субсиди\w*",
        rf"\bсубсиди\w*\s+{W}{{0,6}}?(?:предоставлен|выделен|выплачен|перечислен)\w*",
        rf"\b(?:предоставил|выделил|выплатил|перечислил)[аи]?\s+{W}{{0,3}}?субсиди\w*",
    ),
    "plant_launch": (
        rf"\b(?:launched|opened|commissioned|inaugurated|started\s+up)\s+{W}{{0,5}}?{PLANT_EN}s?\b",
        rf"\b{PLANT_EN}s?\s+(?:was|were|has\s+been|have\s+been)\s+(?:launched|opened|commissioned|inaugurated|"
        r"put\s+into\s+operation)\b",
        rf"\b(?:opening|launch|commissioning)\s+(?:ceremony\s+)?of\s+{W}{{0,4}}?{PLANT_EN}\b",
        rf"\b(?:открыл|открыла|открыли|запустил|запустила|запустили|ввел|ввела|ввели|ввёл)\s+"
        rf"(?:в\s+эксплуатацию\s+)?{W}{{0,3}}?{PLANT_RU}",
        rf"\b{PLANT_RU}\s+{W}{{0,4}}?(?:открыл\w*|открыт\w*|запущен\w*|заработал\w*|введен\w*\s+в\s+эксплуатацию)",
        rf"\b(?:открытие|запуск)\s+{W}{{0,2}}?(?:завода|производства|предприятия|фабрики|цеха|комбината)\b",
        rf"\b(?:запуск|пуск)\w*\s+{W}{{0,2}}?(?:производственн\w+\s+)?мощност\w*",
        rf"\bдан\s+старт\s+{W}{{0,2}}?(?:заводу|производству|предприятию|фабрике)\b",
    ),
    "meeting": (
        r"\b(?:a|the)\s+(?:working\s+|business\s+)?meeting\s+(?:was|has\s+been)\s+held\b",
        r"\bmeeting\s+(?:took\s+place|was\s+held)\b",
        r"\bheld\s+(?:a|the)\s+(?:[\w-]+\s+){0,2}?meeting\b",
        r"\b(?:working|business)\s+meeting\b",
        r"\bmet\s+with\b",
        r"\b(?:held|conducted)\s+(?:talks|negotiations)\b",
        r"\b(?:talks|negotiations)\s+(?:were|was)\s+held\b",
        r"\b(?:состоялась|прошла)\s+(?:рабочая\s+|деловая\s+)?встреча\b",
        rf"\bвстреча\s+{W}{{0,6}}?(?:состоялась|прошла)\b",
        r"\bвстрет(?:ился|илась|ились)\b",
        r"\bпровел[аи]?\s+(?:рабочую\s+|деловую\s+)?(?:встречу|переговоры)\b",
        r"\bпереговоры\s+(?:прошли|состоялись)\b",
        *AT_MEETING,
        r"\bmeeting\s+between\b",
    ),
    "visit": (
        r"\bvisited\b",
        r"\bpaid\s+a\s+visit\b",
        r"\b(?:working|official|business)\s+visit\b",
        r"\b(?:during|in\s+the\s+course\s+of)\s+(?:the|his|her|a|their)\s+(?:[\w-]+\s+){0,2}visit\b",
        r"\bпосетил[аи]?\b",
        r"\b(?:рабоч\w+|официальн\w+|делов\w+)\s+визит\w*\b",
        r"\bс\s+визитом\b",
        r"\bпобывал[аи]?\b",
        r"\bрабоч\w+\s+поездк\w*\b",
        rf"\bvisit\s+of\s+(?:the\s+|a\s+)?{W}{{0,3}}?delegation\b",
        rf"\bвизит\s+{W}{{0,3}}?делегаци\w*",
    ),
    "forum": (
        rf"\b(?:hosted|hosts|held|holds)\s+(?:(?:the|a|an)\s+)?{W}{{0,6}}?(?:{EVENT_NOUN_EN}|session|round\s+table)\b",
        rf"\b(?:{EVENT_NOUN_EN}|session|round\s+table)\b[^.;]{{0,160}}?\b(?:was|were)\s+(?:also\s+)?held\b",
        rf"\b(?:took\s+part|participated|spoke)\s+in\s+(?:the|a)\s+{W}{{0,5}}?{EVENT_NOUN_EN}\b",
        rf"\b(?:принял[аи]?|приняли)\s+участие\s+в\s+{W}{{0,4}}?(?:{EVENT_NOUN_RU}|кругл\w+\s+стол\w*)",
        rf"\b{EVENT_NOUN_RU}\s+{W}{{0,6}}?(?:прош[её]л|прошла|состоял(?:ся|ась)|открыл(?:ся|ась))\b",
        rf"\b(?:прош[её]л|прошла|состоял(?:ся|ась))\s+{W}{{0,4}}?{EVENT_NOUN_RU}",
        rf"\b{EVENT_NOUN_RU}\s*,?\s+{W}{{0,4}}?проходящ\w+",
        rf"\b{EVENT_NOUN_EN}\b[^.;]{{0,60}}?\b(?:taking\s+place|being\s+held)\b",
    ),
    "business_mission": (
        r"\b(?:business|trade|investment)\s+missions?\b",
        r"\b(?:бизнес-мисси|делов\w+\s+мисси|торгов\w+\s+мисси)\w*",
    ),
}
COMPILED: dict[str, tuple[re.Pattern[str], ...]] = {
    kind: tuple(re.compile(f"(?i){cue}") for cue in cues) for kind, cues in EVENT_CUES.items()
}
# one pattern per type: a sentence that matches none of a type's cues is passed over in one search
ANY_CUE: dict[str, re.Pattern[str]] = {
    kind: re.compile("(?i)" + "|".join(f"(?:{cue})" for cue in cues)) for kind, cues in EVENT_CUES.items()
}
# the cues that tell a meeting as the setting of the sentence: after a visit, that visit's meeting
# (rules are numbered from 1: transforms.intel.links.events)
SETTING_CUES = frozenset(f"meeting:{EVENT_CUES['meeting'].index(cue) + 1}" for cue in AT_MEETING)
# a meeting with the press is how news is told, not an event: «встрече с журналистами», "press conference"
BRIEFING = re.compile(
    r"(?i)\b(?:с|со)\s+(?:журналист\w*|представител\w+\s+(?:СМИ|прессы|средств\s+массовой)|СМИ|прессой)\b|"
    r"пресс-(?:конференци|подход|брифинг)\w*|\bбрифинг\w*|\bwith\s+(?:the\s+)?(?:journalists|reporters|press|media)\b|"
    r"\b(?:press\s+conference|briefing)s?\b"
)
NEGATED = re.compile(r"(?i)\b(?:not|no\s+longer|never|не|нет|пока\s+не)\b")
HYPOTHETICAL = re.compile(  # "may" in lower case only: "May 16" is a month
    r"(?i)\b(?:can|could|(?-i:may)|might|would|if|should|hope|hopes|надеемся|надеется|может|могут|смогут|"
    r"сможет|если|должн\w+)\b"
)
FUTURE = re.compile(
    r"(?i)\b(?:will|shall|plans?|planned|planning|intends?|agreed\s+to|is\s+to\s+be|are\s+to\s+be|"
    r"is\s+organi[sz]ing|are\s+organi[sz]ing|scheduled|expected|upcoming|next|будет|будут|планир\w+|намерен[аоы]?|состоится|пройд[её]т|ожида\w+|"
    r"предстоящ\w+)\b"
)
