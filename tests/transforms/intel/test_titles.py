"""Titles beyond their words (transforms/intel/titles/): a title marked former is not held, the head of a
ministry is its minister, a title named a sentence before the person is that person's."""

from transforms.intel.entities import find_mentions
from transforms.intel.titles.former import is_former
from transforms.intel.titles.region import region_by_adjective
from transforms.intel.titles.scope import complement, heads_ministry


def _codes(text: str, language: str) -> dict[str, set[str]]:
    """Every role code each person holds, by canonical name."""
    people: dict[str, set[str]] = {}
    for mention in find_mentions(text, language):
        if mention.entity_type == "person":
            codes = {role["role_code"] for role in mention.attrs.get("roles", [])}
            people.setdefault(mention.canonical, set()).update(codes)
    return people


def test_a_title_marked_former_is_told_apart() -> None:
    text = "Бывший калужский губернатор Анатолий Артамонов и губернатор Владислав Шапша"
    assert is_former(text, text.index("губернатор"))
    assert not is_former(text, text.rindex("губернатор"))
    text = "the former Sverdlovsk Governor Eduard Rossel and ex-governor Ivan Orlov"
    assert is_former(text, text.index("Governor")) and is_former(text, text.index("governor"))
    assert not is_former("the Sverdlovsk Governor Yevgeny Kuyvashev", 14)


def test_a_former_title_is_not_held() -> None:
    people = _codes("Предыдущий глава филиала Олег Мельников покинул пост. Директор завода Иван Орлов.", "ru")
    assert people["Oleg Melnikov"] == set() and people["Ivan Orlov"] == {"director"}


def test_the_head_of_a_ministry_is_its_minister() -> None:
    text = "глава регионального Минэка Иван Орлов"
    assert heads_ministry(text, text.index("глава") + len("глава"))
    assert not heads_ministry("глава региона Иван Орлов", len("глава"))
    assert not heads_ministry("глава Минниханов", len("глава"))  # a surname, not a ministry
    assert _codes("Заместитель главы Минпромторга Олег Сидоров выступил.", "ru") == {
        "Oleg Sidorov": {"deputy_minister"}
    }
    assert complement("председателя регионального правительства Иван", len("председателя")) == (
        " регионального правительства"
    )


def test_a_title_named_a_sentence_before_is_the_next_names() -> None:
    text = (
        "Губернатор Курской области рассказал о планах. «Мы продолжим работу», — подчеркнул Александр "
        "Хинштейн."
    )
    assert _codes(text, "ru") == {"Alexander Khinshteyn": {"governor"}}
    text = "The St. Petersburg governor said on Monday the park would open. Valentina Matviyenko said so."
    assert _codes(text, "en")["Valentina Matviyenko"] == {"governor"}


def test_a_title_named_before_goes_to_no_one_it_cannot_be() -> None:
    # the name was named earlier: the title between refers to someone else
    text = (
        "Стенд осмотрел Дмитрий Чернышенко. Гостям рассказал губернатор Роман Бусаргин. Руководитель региона "
        "представил проекты. Дмитрий Чернышенко обратил внимание на парк."
    )
    assert "head_of_region" not in _codes(text, "ru").get("Dmitry Chernyshenko", set())
    # a former title stands between: it is the name's own
    text = "Глава региона заверил инвесторов. Дело возбуждено против экс-руководителя ОЭЗ Ольги Торбич."
    assert all(not codes for codes in _codes(text, "ru").values())
    # a plural reading is no subject: «нового гендиректора»
    text = "Имя нового гендиректора не известно. Это подтвердил пресс-секретарь компании Петр Козлов."
    assert "general_director" not in _codes(text, "ru").get("Petr Kozlov", set())


def test_a_post_given_to_a_pronoun_goes_to_the_person_it_stands_for() -> None:
    text = (
        "Дело возбуждено в отношении экс-руководителя ОЭЗ Ольги Торбич. Иван Петров дал показания. Решением "
        "Совета директоров она освобождена от занимаемой должности генерального директора ОЭЗ «Моглино»."
    )
    assert _codes(text, "ru") == {"Olga Torbich": {"general_director"}, "Ivan Petrov": set()}
    # no person of the pronoun's gender named before: the title goes to no one
    text = "Иван Петров дал показания. Решением совета она освобождена от должности генерального директора."
    assert _codes(text, "ru") == {"Ivan Petrov": set()}


def test_a_pronoun_after_the_post_and_a_womans_name_in_the_genitive() -> None:
    text = (
        "Дмитрий Верховод вступил в должность директора Технопарка. В качестве временно исполняющего "
        "обязанности гендиректора он руководит управляющей компанией."
    )
    assert _codes(text, "ru") == {"Dmitry Verkhovod": {"director", "general_director"}}
    # «Евгения» is a woman's name in the nominative, though its genitive reading is a man's
    text = "Дело касается Евгении Ивановой. Решением совета она назначена на должность директора фонда."
    assert _codes(text, "ru") == {"Evgenia Ivanova": {"director"}}


def test_a_title_standing_for_a_person_named_before() -> None:
    text = "Vladimir Putin met Head of Mordovia Artem Zdunov. The President thanked the head of the republic."
    assert _codes(text, "en") == {"Vladimir Putin": {"president"}, "Artem Zdunov": {"head_of_region"}}
    text = "Проект представил Иван Орлов. Новый директор департамента приступил к работе 11 декабря."
    assert _codes(text, "ru") == {"Ivan Orlov": {"director"}}
    text = "Vladimir Putin held a working meeting with Ivan Orlov. The President began the meeting."
    assert _codes(text, "en") == {"Vladimir Putin": {"president"}, "Ivan Orlov": set()}  # the subject's
    text = "Рабочие встретили Ивана Орлова. Губернатор пообещал помочь."
    assert _codes(text, "ru") == {"Ivan Orlov": set()}


def test_a_title_standing_for_a_post_already_held_adds_no_second_title() -> None:
    text = "Указ подписал губернатор Иван Орлов. Глава региона заверил, что планы не изменятся."
    assert _codes(text, "ru") == {"Ivan Orlov": {"governor"}}
    text = "Указ подписал губернатор Иван Орлов. Глава региона, директор завода Пётр Белов выступили."
    assert _codes(text, "ru") == {"Ivan Orlov": {"governor"}, "Pyotr Belov": {"director"}}


def test_a_title_after_a_copula_stands_for_no_one() -> None:
    text = "Министром назначен Иван Орлов, который до этого был замминистра. Пётр Белов выступил."
    assert _codes(text, "ru") == {"Ivan Orlov": {"minister"}, "Pyotr Belov": set()}


def test_a_bare_title_takes_the_complement_of_the_same_title_before() -> None:
    text = (
        "Иван Орлов стал зампредом регионального правительства. Вопросы распределены между двумя другими "
        "зампредами - Петром Беловым (стройка) и Олегом Серовым (промышленность)."
    )
    codes = _codes(text, "ru")
    assert codes["Pyotr Belov"] == codes["Oleg Serov"] == {"deputy_prime_minister"}
    assert complement("зампред Совета директоров", len("зампред")) == ""


def test_a_region_named_by_its_adjective_in_the_title() -> None:
    text = "Проект одобрил калужский губернатор Иван Орлов."
    assert region_by_adjective(text, text.index("губернатор")) == "RU-KLU"
    text = "Новый оренбургский вице-губернатор Пётр Белов."
    assert region_by_adjective(text, text.index("вице")) == "RU-ORE"
    assert region_by_adjective("Горный директор Иван Орлов", len("Горный ")) is None  # Горный Алтай: no kind
    found = [
        m
        for m in find_mentions("Тульский губернатор Иван Орлов открыл завод.", "ru")
        if m.entity_type == "person"
    ]
    assert found[0].attrs["role_iso"] == "RU-TUL"


def _regions(text: str, language: str) -> dict[tuple[str, str], str | None]:
    """The region of each role, by canonical name and role code."""
    found: dict[tuple[str, str], str | None] = {}
    for mention in find_mentions(text, language):
        if mention.entity_type == "person":
            for role in mention.attrs.get("roles", []):
                found[(mention.canonical, role["role_code"])] = role["role_iso"]
    return found


def test_a_title_given_by_a_verb_is_read_by_its_head_word() -> None:
    people = _codes("Иван Орлов назначен первым заместителем министра финансов.", "ru")
    assert people["Ivan Orlov"] == {"deputy_minister"}


def test_a_plural_title_given_by_a_verb_goes_to_each_name_of_the_list() -> None:
    text = (
        "Губернатор назначил министра финансов Ивана Орлова и министра труда Петра Сидорова "
        "заместителями председателя правительства Омской области."
    )
    people = _codes(text, "ru")
    assert people["Ivan Orlov"] == people["Pyotr Sidorov"] == {"minister", "deputy_prime_minister"}
    regions = _regions(text, "ru")  # the minister's region is the one of his other government title
    assert regions[("Ivan Orlov", "minister")] == regions[("Pyotr Sidorov", "minister")] == "RU-OMS"


def test_a_title_dashed_to_the_next_is_the_nearest_one_before_the_dash() -> None:
    text = "Глава республики обратился к заместителю премьер-министра — министру финансов Ивану Орлову."
    assert _codes(text, "ru")["Ivan Orlov"] == {"deputy_prime_minister", "minister"}
    text = "Свой пост сохранила замгубернатора-глава минздрава Анна Петрова."
    assert _codes(text, "ru")["Anna Petrova"] == {"deputy_governor", "minister"}


def test_the_head_of_a_regions_administration_heads_the_region() -> None:
    text = (
        "Глава администрации области Иван Орлов назначил Петра Сидорова первым заместителем главы "
        "администрации области."
    )
    people = _codes(text, "ru")
    assert people["Ivan Orlov"] == {"head_of_region"}
    assert people["Pyotr Sidorov"] == {"deputy_head_of_region"}


def test_a_post_someone_is_proposed_for_is_not_held() -> None:
    text = "Правительство предложило кандидатуру Ивана Орлова на пост главы Минфина."
    assert not _codes(text, "ru").get("Ivan Orlov")
    assert _codes("Иван Орлов назначен на пост главы Минфина.", "ru")["Ivan Orlov"] == {"minister"}


def test_a_verb_gives_the_title_of_the_body_after_it() -> None:
    assert _codes("Иван Орлов возглавил департамент промышленности.", "ru")["Ivan Orlov"] == {"head"}
    text = "Пётр Сидоров, возглавляющий Министерство финансов, вошёл в совет."
    assert _codes(text, "ru")["Pyotr Sidorov"] == {"minister"}
    text = "Иван Орлов возглавил совет директоров компании."
    assert _codes(text, "ru")["Ivan Orlov"] == {"chairman"}  # the head of a board is its chairman
    # a post held before, a region's head under another name, a chairmanship
    assert not _codes("Иван Орлов, который восемь лет возглавлял ведомство, ушёл.", "ru").get("Ivan Orlov")
    assert not _codes("Иван Орлов возглавляет Тверскую область с 2016 года.", "ru").get("Ivan Orlov")
    assert not _codes("Совещание прошло под председательством Ивана Орлова.", "ru").get("Ivan Orlov")


def test_a_deputy_of_a_former_holder_and_a_title_in_a_relative_clause() -> None:
    text = "Место сохранил заместитель прежнего губернатора Иван Орлов."
    assert _codes(text, "ru")["Ivan Orlov"] == {"deputy_governor"}
    text = "Им станет Анна Петрова, которая с апреля исполняла обязанности начальника управления."
    assert _codes(text, "ru")["Anna Petrova"] == {"head"}
    text = "Иван Орлов ранее занимал должность начальника управления."
    assert not _codes(text, "ru").get("Ivan Orlov")


def test_english_titles_of_a_government_and_of_a_committee() -> None:
    text = (
        "A meeting of Chairman of Russian Government Ivan Orlov with Russian Vice-premier Oleg Sidorov, "
        "Minister of Industry and Trade Ravil Zaripov and Chairman of the State Duma Committee on Industry "
        "and Trade Pavel Smirnov."
    )
    assert _codes(text, "en") == {
        "Ivan Orlov": {"prime_minister"},
        "Oleg Sidorov": {"deputy_prime_minister"},
        "Ravil Zaripov": {"minister"},
        "Pavel Smirnov": {"chairman"},
    }


def test_a_title_on_the_line_after_the_name_is_the_names() -> None:
    text = "Quotes of the session\nIvan Orlov\nGovernor of Tomsk Region\nWe need more parks."
    assert _codes(text, "en")["Ivan Orlov"] == {"governor"}
    assert _regions(text, "en")[("Ivan Orlov", "governor")] == "RU-TOM"


def test_a_region_opening_an_english_bodys_name_is_not_the_roles() -> None:
    text = "The director of Novgorod region development agency Ivan Orlov met the residents."
    assert _regions(text, "en")[("Ivan Orlov", "director")] is None


def test_a_post_named_by_a_demonstrative_is_the_title_before_it() -> None:
    text = (
        "Новым заместителем губернатора стал юрист. Подписан указ о назначении на эту должность Ивана Орлова."
    )
    assert _codes(text, "ru")["Ivan Orlov"] == {"deputy_governor"}
    assert not _codes("Подписан указ о назначении на эту должность Ивана Орлова.", "ru").get("Ivan Orlov")


def test_a_title_of_a_second_predicate_goes_to_the_first_ones_subject() -> None:
    text = "Иван Орлов был освобожден от должности, а 31 октября назначен заместителем министра обороны."
    assert _codes(text, "ru")["Ivan Orlov"] == {"deputy_minister"}
    text = "Иван Орлов ушёл в отставку, а министром назначен Пётр Сидоров."  # the clause's own subject
    assert _codes(text, "ru") == {"Ivan Orlov": set(), "Pyotr Sidorov": {"minister"}}


def test_a_post_left_or_relieved_of_is_not_held() -> None:
    text = "Министр экономики области Иван Орлов покинул свой пост. Губернатор Олег Сидоров сохранил пост."
    assert _codes(text, "ru") == {"Ivan Orlov": set(), "Oleg Sidorov": {"governor"}}
    text = "Директор фонда Пётр Ковалёв ушел в отставку."
    assert _codes(text, "ru") == {"Pyotr Kovalev": set()}
    text = "Кроме того, освобожден от должности заместителя председателя правительства Иван Орлов."
    assert _codes(text, "ru") == {"Ivan Orlov": set()}
    # the genitive names someone else: the subject who left is not named
    text = "После отставки замгубернатора Сергея Белова покинул пост и директор фонда."
    assert _codes(text, "ru") == {"Sergey Belov": {"deputy_governor"}}
    # «ранее занимавшие посты»: posts held before; the title given after them is held
    text = "Иван Орлов, ранее занимавший посты первого заместителя министра, назначен министром финансов."
    assert _codes(text, "ru") == {"Ivan Orlov": {"minister"}}


def test_a_deputy_named_by_a_possessive_holds_his_principals_title() -> None:
    text = "Совещание провел премьер-министр Иван Орлов с его заместителем Петром Смирновым."
    assert _codes(text, "ru") == {
        "Ivan Orlov": {"prime_minister"},
        "Pyotr Smirnov": {"deputy_prime_minister"},
    }
    text = "Губернатор Тульской области Иван Орлов назначил своим заместителем по экономике Олега Сидорова."
    assert _codes(text, "ru") == {"Ivan Orlov": {"governor"}, "Oleg Sidorov": {"deputy_governor"}}
    # a possessive with no titled person before it names no one's deputy
    assert _codes("Его заместителем стал Олег Сидоров.", "ru") == {"Oleg Sidorov": set()}


def test_an_articles_region_named_only_by_an_adjective() -> None:
    text = "Врио губернатора Антон Алиханов будет курировать администрацию калининградской ОЭЗ."
    people = {
        m.canonical: m.attrs["role_iso"] for m in find_mentions(text, "ru") if m.entity_type == "person"
    }
    assert people == {"Anton Alikhanov": "RU-KGD"}


def test_a_title_named_before_a_quote_is_the_speakers() -> None:
    text = (
        "Пост занял Иван Орлов. Нового коллегу губернатор представил членам правительства. "
        "«Иван Орлов усилит нашу команду. В добрый путь!», - пожелал Олег Сидоров. "
        "Первый заместитель губернатора будет курировать безопасность."
    )
    assert _codes(text, "ru") == {"Ivan Orlov": {"deputy_governor"}, "Oleg Sidorov": {"governor"}}


def _held_where(text: str) -> dict[str, set[tuple[str, str | None]]]:
    """Every (role code, region) each person holds, by canonical name."""
    people: dict[str, set[tuple[str, str | None]]] = {}
    for mention in find_mentions(text, "ru"):
        if mention.entity_type == "person":
            roles = {(r["role_code"], r.get("role_iso")) for r in mention.attrs.get("roles", [])}
            people.setdefault(mention.canonical, set()).update(roles)
    return people


def test_a_verb_or_a_preposition_parts_a_title_from_the_name() -> None:
    thanked = _codes("Глава республики поблагодарил Ивана Орлова за работу.", "ru")
    assert thanked.get("Ivan Orlov", set()) == set()
    text = "Президент Иван Орлов провел встречу с врио губернатора Тверской области Петром Седовым."
    people = _codes(text, "ru")
    assert people["Ivan Orlov"] == {"president"} and people["Pyotr Sedov"] == {"governor"}
    people = _codes("На встрече с главой государства Петр Седов рассказал о заводе.", "ru")
    assert people["Pyotr Sedov"] == set()
    people = _codes("Заместителя губернатора и министра финансов края назначил Иван Орлов.", "ru")
    assert people["Ivan Orlov"] == set()


def test_an_acting_plural_title_goes_to_each_name_of_the_list() -> None:
    text = "Контракты продлены с и. о. вице-губернаторов Алексеем Суховым, Павлом Седовым и Иваном Орловым."
    people = _codes(text, "ru")
    assert people["Alexey Sukhov"] == people["Pavel Sedov"] == people["Ivan Orlov"] == {"deputy_governor"}


def test_a_fused_deputy_and_a_former_title_after_an_adverb() -> None:
    assert _codes("Он прибыл с замдиректора Фонда развития Юрием Седовым.", "ru")["Yury Sedov"] == {
        "deputy_director"
    }
    text = "Бывший ранее руководителем департамента Андрей Норин теперь отвечает за транспорт."
    assert _codes(text, "ru")["Andrey Norin"] == set()


def test_a_districts_head_takes_the_articles_region() -> None:
    text = "В Тверской области прошло совещание. Выступил глава Кимрского района Иван Орлов."
    assert _held_where(text)["Ivan Orlov"] == {("head", "RU-TVE")}


def test_a_man_named_in_the_genitive_after_a_title_and_a_surname_after_initials() -> None:
    people = _codes("Встреча руководителя Корпорации развития Наиля Габбасова прошла в Уфе.", "ru")
    assert "Nail Gabbasov" in people
    text = "В Красноярском крае обсудили выступления главы района В. А. Функа и министра."
    assert any(name.endswith("Funk") for name in _codes(text, "ru"))


def test_the_post_a_person_holds_named_by_a_demonstrative() -> None:
    text = "Вице-премьер будет заменять главу кабинета министров (эту должность занимает Виктор Томенко)."
    assert _codes(text, "ru")["Viktor Tomenko"] == {"prime_minister"}


def test_a_title_before_a_name_does_not_reach_across_a_headlines_line() -> None:
    text = "Meeting with the governor Zyxwa Qrtplo\nZyxwa Qrtplo and Ivan Orlov discussed the zone."
    assert _codes(text, "en").get("Ivan Orlov", set()) == set()


def test_a_tie_of_the_articles_regions_goes_to_the_one_its_adjectives_name() -> None:
    text = "В Москве прошла встреча. Губернатор Иван Орлов рассказал о Калужской области и калужских заводах."
    assert _held_where(text)["Ivan Orlov"] == {("governor", "RU-KLU")}


def test_the_parse_gives_a_plural_title_to_each_name_apposed_to_it() -> None:
    text = (
        "На полях форума провели встречу губернаторы Гродненской области Юрий Караев и Пензенской - Олег "
        "Мельниченко."
    )
    people = _codes(text, "ru")
    assert people["Yury Karaev"] == {"governor"} and people["Oleg Melnichenko"] == {"governor"}


def test_the_parse_tells_whose_title_stands_before_a_name_inside_a_body() -> None:
    text = (
        "На выставке ректор Уральского федерального университета им. Первого Президента России Б.Н. Ельцина "
        "Виктор Кокшаров презентовал проект технополиса."
    )
    assert _codes(text, "ru")["Viktor Koksharov"] == {"rector"}


def test_the_titles_of_a_post_that_is_the_verbs_place_are_its_subjects() -> None:
    text = (
        "В кресле заместителя председателя правительства края — министра финансов края по-прежнему остается "
        "Александр Кацуба."
    )
    assert _codes(text, "ru")["Alexander Katsuba"] == {"deputy_prime_minister", "minister"}
    moved = "С должности главы агентства уволил Юрия Жданова премьер-министр Михаил Фрадков."
    assert "head" not in _codes(moved, "ru").get("Mikhail Fradkov", set())


def test_a_post_left_by_the_parse_is_not_held_but_one_to_be_left_is() -> None:
    left = "Пост генерального директора Академпарка покинул Вячеслав Никонов, который занимал эту должность."
    assert _codes(left, "ru")["Vyacheslav Nikonov"] == set()
    accepted = "Губернатор Денис Паслер 8 августа принял отставку министра экономики Дениса Гончарова."
    assert _codes(accepted, "ru")["Denis Goncharov"] == set()
    to_leave = "Вице-премьер Денис Мантуров покинет должность главы Минпромторга, но останется в кабмине."
    assert "deputy_prime_minister" in _codes(to_leave, "ru")["Denis Manturov"]


def test_an_offered_post_and_a_post_left_after_a_date_are_not_held() -> None:
    offered = "Ему поступило предложение от губернатора Ивана Орлова возглавить департамент."
    assert _codes(offered, "ru")["Ivan Orlov"] == {"governor"}
    text = "Министр экономики края Сергей Новиков 25 марта официально покинул свой пост."
    assert _codes(text, "ru")["Sergey Novikov"] == set()
    assert _codes("Новиков покинул пост министра экономики.", "ru").get("Novikov", set()) == set()


def test_a_later_title_passes_a_name_after_it_that_holds_its_own() -> None:
    text = (
        "Роман Старовойт подписал соглашение. Также губернатор в рамках форума пообщался с председателем "
        "правления госкомпании Вячеславом Петушенко."
    )
    people = _codes(text, "ru")
    assert people["Roman Starovoyt"] == {"governor"} and people["Vyacheslav Petushenko"] == {"chairman"}


def test_a_candidates_post_and_an_acting_heads_service_are_no_ones_title() -> None:
    text = (
        "Константинов представил кандидата на должность министра экономики — заместителя гендиректора "
        "агентства Андрея Мельникова."
    )
    assert _codes(text, "ru")["Andrey Melnikov"] == {"deputy_general_director"}
    quoted = (
        "Проект представил министр экономики Сергей Новиков. «Мы готовы», – цитирует Новикова пресс-служба "
        "врио Главы РБ."
    )
    assert _codes(quoted, "ru")["Sergey Novikov"] == {"minister"}


def test_an_english_title_after_the_object_of_an_appointing_verb() -> None:
    text = "The President signed orders appointing Oleg Kozhemyako Acting Governor of Sakhalin Region."
    assert _codes(text, "en")["Oleg Kozhemyako"] == {"governor"}


def test_a_bodys_words_after_an_english_title_are_no_name() -> None:
    text = (
        "He met the Minister of Fisheries and Marine Welfare, Ivan Orlov, and the Director of the State "
        "Enterprise Volga Port."
    )
    people = _codes(text, "en")
    assert "Marine Welfare" not in people and not any("Enterprise" in name for name in people)
    assert people["Ivan Orlov"] == {"minister"}


def test_a_plural_titles_list_after_a_colon() -> None:
    text = "В составе – пять заместителей председателя правительства: Иван Орлов, Петр Седов, Анна Лисина."
    people = _codes(text, "ru")
    names = ("Ivan Orlov", "Pyotr Sedov", "Anna Lisina")
    assert all(people[name] == {"deputy_prime_minister"} for name in names)


def test_a_title_dashed_before_the_next_name_is_that_names() -> None:
    text = (
        "Руководителем аппарата назначен Иван Орлов, полномочным представителем губернатора в Думе – "
        "Анна Лисина."
    )
    people = _codes(text, "ru")
    assert people["Anna Lisina"] == {"envoy"} and "envoy" not in people["Ivan Orlov"]


def test_the_genitive_object_of_an_appointment_noun_holds_the_title() -> None:
    text = (
        "Губернатор сообщил о назначении первым заместителем председателя правительства края замминистра "
        "экономики края Анны Лисиной."
    )
    assert _codes(text, "ru")["Anna Lisina"] == {"deputy_prime_minister", "deputy_minister"}


def test_a_name_after_a_preposition_takes_no_title_before_it() -> None:
    text = "Иван Орлов был первым заместителем министра экономики при Петре Седове."
    assert _codes(text, "ru").get("Pyotr Sedov", set()) == set()


def test_a_title_after_a_preposition_completes_the_title_before() -> None:
    text = "В делегацию вошел полномочный представитель республики при президенте РФ Иван Орлов."
    assert _codes(text, "ru")["Ivan Orlov"] == {"envoy"}


def test_the_rais_and_the_town_head_by_their_capitalised_titles() -> None:
    people = _codes("Кандидатуру представил Раис Татарстана Рустам Минниханов.", "ru")
    assert people["Rustam Minnikhanov"] == {"head_of_region"}
    text = "Губернатор приехал в сопровождении Городского Головы Калуги Ивана Орлова."
    assert _codes(text, "ru")["Ivan Orlov"] == {"head"}


def test_the_ministers_of_a_regional_government_are_its_regions() -> None:
    text = (
        "Губернатор представил новый состав правительства Калужской области. Министр финансов Иван Орлов "
        "рассказал о бюджете. На встрече был глава Минпромторга Петр Седов."
    )
    regions = _regions(text, "ru")
    assert regions[("Ivan Orlov", "minister")] == "RU-KLU" and regions[("Pyotr Sedov", "minister")] is None


def test_an_english_title_whose_end_is_stated_is_not_held() -> None:
    text = (
        "The President accepted the resignation of Tver Region Governor Ivan Orlov and dismissed the mayor "
        "of Oleg Sidorov."
    )
    people = _codes(text, "en")
    assert people["Ivan Orlov"] == set() and people.get("Oleg Sidorov", set()) == set()


def test_a_patronymic_after_a_surname_written_first_is_no_surname() -> None:
    text = "To appoint Orlov Ivan Petrovich as the interim Governor. Maxim Markovich, Deputy Minister, spoke."
    people = _codes(text, "en")
    assert "Ivan Petrovich" not in people and people["Maxim Markovich"] == {"deputy_minister"}


def test_a_chief_of_staff_heads_and_a_datelines_region_is_not_the_titles() -> None:
    text = "May 5, 2012, Moscow\nChief of Staff of the Executive Office Ivan Orlov met the governors."
    assert _codes(text, "en")["Ivan Orlov"] == {"head"}
    assert _regions(text, "en")[("Ivan Orlov", "head")] is None


def test_a_later_title_with_a_region_named_right_after_it_heads_the_region() -> None:
    text = "Иван Орлов рассказал о визите в Иран. Глава Башкирии дал согласие."
    assert _codes(text, "ru")["Ivan Orlov"] == {"head_of_region"}


def test_a_post_to_be_taken_by_a_future_verb_is_not_held() -> None:
    text = "Ранее стало известно, что первыми заместителями губернатора станут Иван Орлов и Петр Седов."
    people = _codes(text, "ru")
    assert people["Ivan Orlov"] == people["Pyotr Sedov"] == set()
    held = _codes("Первым заместителем губернатора стал Иван Орлов.", "ru")
    assert held["Ivan Orlov"] == {"deputy_governor"}
