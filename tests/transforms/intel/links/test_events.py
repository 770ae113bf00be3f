"""Events, on short texts written for these tests: cues, modality, planned events, repeats, roles."""

from __future__ import annotations

from datetime import date


def _types(found: list[dict]) -> list[str]:
    return [e["event_type"] for e in found]


def test_each_kind_of_event_in_english(events) -> None:
    text = (
        "On March 2, Governor Vladislav Shapsha met with the management of Danone. In June 2022 the Kaluga "
        "Region and Nestle signed an agreement on a new plant. The region sent documents to the Ministry of "
        "Industry and Trade for inclusion of 3 clusters in the federal register. The furniture cluster was "
        "included in the register of the Ministry of Industry and Trade. Knauf received a subsidy of "
        "40 million rubles. In May 2014 Lafarge launched its cement plant in the Kaluga Region. Minister "
        "Maxim Reshetnikov visited the Alabuga SEZ. Kazan hosted the Russian Industrialist forum. A business "
        "mission to China took place in May 2019."
    )
    assert _types(events(text, published=date(2023, 3, 10))) == [
        "meeting", "agreement_signed", "register_application", "register_entry", "subsidy_granted",
        "plant_launch", "visit", "forum", "business_mission",
    ]  # fmt: skip


def test_each_kind_of_event_in_russian(events) -> None:
    text = (
        "Губернатор встретился с инвесторами. Правительство области подписало соглашение с компанией Danone. "
        "Регион направил заявку на включение в реестр Минпромторга. Кластер включён в реестр Минпромторга "
        "России. Компания Knauf получила субсидию. Компания Danone открыла завод в Калуге. Министр посетил "
        "ОЭЗ «Алабуга». Губернатор принял участие в стратегической сессии. Делегация отправилась в "
        "бизнес-миссию в Китай."
    )
    assert set(_types(events(text, "ru"))) == {
        "meeting", "agreement_signed", "register_application", "register_entry", "subsidy_granted",
        "plant_launch", "visit", "forum", "business_mission",
    }  # fmt: skip


def test_negated_and_hypothetical_events_are_no_events(events) -> None:
    text = (
        "The technopark can receive a subsidy of up to 900 million rubles. The company will not sign an "
        "agreement. Кластер пока не включён в реестр. После "
        "включения в реестр кластер сможет получить субсидию."
    )
    assert events(text) == [] and events(text, "ru") == []


def test_a_planned_event_with_its_date_is_kept_and_marked(events) -> None:
    text = "On May 16-21, the Ministry of Industry and Trade is organizing a business mission to "
    text += "Germany and France."
    found = events(text, published=date(2016, 5, 1))
    assert len(found) == 1 and found[0]["planned"] is True
    assert (found[0]["event_date"], found[0]["date_precision"]) == (date(2016, 5, 16), "inferred")
    roles = {p["name"]: p["role"] for p in found[0]["participants"]}
    assert roles == {
        "Ministry of Industry and Trade": "organiser",
        "Germany": "destination",
        "France": "destination",
    }


def test_an_event_told_twice_is_one_event_but_another_one_is_two(events) -> None:
    text = (
        "Danone opened a plant in Kaluga. The opening of the Danone plant gathered 300 guests. The business "
        "mission to China began. The program of the business mission includes visits to parks. Knauf also "
        "opened a plant in Kaluga."
    )
    assert _types(events(text, published=date(2024, 2, 1))) == [
        "plant_launch",
        "business_mission",
        "plant_launch",
    ]


def test_participant_roles(events) -> None:
    text = (
        "With the support of the Association of Clusters, Technoparks and SEZ of Russia, the Omsk Region "
        "sent documentation to the Ministry of Industry and Trade for inclusion in the federal Register of 8 "
        "industrial clusters."
    )
    (event,) = events(text)
    roles = {p["name"]: p["role"] for p in event["participants"]}
    assert roles == {
        "Association of Clusters, Technoparks and SEZ of Russia": "supporter",
        "Omsk Oblast": "region",
        "Ministry of Industry and Trade": "registrar",
    }


def test_russian_events_whose_verb_comes_late(events) -> None:
    text = "Соглашение о сотрудничестве 12 марта 2024 года подписали Андрей Иванов и Борис Петров."
    (found,) = events(text, "ru")
    assert found["event_type"] == "agreement_signed" and found["event_date"] == date(2024, 3, 12)
    assert {p["name"] for p in found["participants"]} == {"Andrey Ivanov", "Boris Petrov"}
    assert found["rule"] == "agreement_signed:order"
    passive = "Соглашение между Правительством Пензенской области и S7 Group заключено в Санкт-Петербурге."
    assert _types(events(passive, "ru")) == ["agreement_signed"]


def test_an_event_as_the_setting_of_a_russian_sentence(events) -> None:
    assert _types(events("В первый день форума «ИнПарк» выступил министр.", "ru")) == ["forum"]
    assert _types(events("В ходе заседания президиума обсудили технопарки.", "ru")) == ["meeting"]
    text = "Губернатор принял участие в совещании по вопросам ОЭЗ, которое прошло в Москве."
    assert _types(events(text, "ru")) == ["meeting"]
    english = "On June 16 on XXV St. Petersburg International Economic Forum the governor spoke."
    assert _types(events(english, "en")) == ["forum"]


def test_late_verbs_keep_negation_and_plans(events) -> None:
    assert events("Соглашение о сотрудничестве стороны так и не подписали.", "ru") == []
    (planned,) = events("Соглашение о сотрудничестве будет подписано позже.", "ru")
    assert planned["event_type"] == "agreement_signed" and planned["planned"] is True
    assert events("Договор аренды компания изучает.", "ru") == []  # a noun alone is no event


def test_the_signatories_known_by_their_initials(events) -> None:
    text = "Соглашение о сотрудничестве 12 марта 2024 года подписали А. Иванов и Б. Петров."
    (found,) = events(text, "ru")
    assert found["event_date"] == date(2024, 3, 12)
    assert [(p["name"], p["role"]) for p in found["participants"]] == [
        ("A. Ivanov", "party"),
        ("B. Petrov", "party"),
    ]


def test_an_event_that_is_the_setting_takes_only_its_own_names(events) -> None:
    text = "В рамках Петербургского форума губернатор Олег Мельниченко подписал соглашение с S7 Group."
    by_type = {e["event_type"]: e for e in events(text, "ru")}
    assert set(by_type) == {"forum", "agreement_signed"}
    assert by_type["forum"]["participants"] == [] and by_type["forum"]["rule"] == "forum:setting"
    assert {p["name"] for p in by_type["agreement_signed"]["participants"]} >= {
        "Oleg Melnichenko",
        "S7 Group",
    }


def test_going_to_a_forum_is_not_a_forum_held(events) -> None:
    assert events("Губернатор пригласил инвесторов на форум.", "ru") == []
    assert _types(events("Об этом губернатор рассказал на совещании.", "ru")) == ["meeting"]


def _parties(event: dict) -> set[str]:
    return {p["name"] for p in event["participants"] if p["role"] not in ("affiliation", "place")}


def test_the_clause_reporting_an_event_names_no_party(events) -> None:
    text = "Власти Удмуртии и Ассоциация кластеров подписали соглашение о создании кластера, сообщает ТАСС."
    (found,) = events(text, "ru")
    assert "TASS" not in _parties(found) and "ТАСС" not in _parties(found)
    assert "Udmurt Republic" in _parties(found)  # "Власти Удмуртии": the region signs
    text = "The agreement was signed by Ivan Orlov and Oleg Sidorov, said Deputy Governor Vladimir Popov."
    (found,) = events(text, "en")
    assert _parties(found) == {"Ivan Orlov", "Oleg Sidorov"}


def test_a_place_where_an_event_happened_is_no_party(events) -> None:
    text = "Соглашение о сотрудничестве подписали в Калуге Андрей Иванов и Борис Петров."
    (found,) = events(text, "ru")
    roles = {p["name"]: p["role"] for p in found["participants"]}
    assert roles["Kaluga"] == "place" and _parties(found) == {"Andrey Ivanov", "Boris Petrov"}
    text = "A meeting was held in the State Duma between Ivan Orlov and Oleg Sidorov."
    (found,) = events(text, "en")
    assert _parties(found) == {"Ivan Orlov", "Oleg Sidorov"}


def test_the_bodies_in_a_title_speak_for_the_person(events) -> None:
    text = (
        "Сегодня председатель президиума УрО РАН Валерий Чарушин и гендиректор технопарка «Университетский» "
        "Денис Скоморохов подписали соглашение о сотрудничестве."
    )
    (found,) = events(text, "ru")
    roles = {p["name"]: p["role"] for p in found["participants"]}
    assert roles["Valery Charushin"] == roles["Denis Skomorokhov"] == "party"
    assert all(role in ("party", "affiliation") for role in roles.values())


def test_a_forum_in_another_events_sentence_is_its_setting(events) -> None:
    text = (
        "Официальная церемония подписания соглашения между Правительством Ульяновской области и компанией "
        "«Quarzwerke» состоялась 9 июня в рамках Петербургского международного экономического форума."
    )
    by_type = {e["event_type"]: e for e in events(text, "ru")}
    assert by_type["forum"]["participants"] == []
    assert "Quarzwerke" in {p["name"] for p in by_type["agreement_signed"]["participants"]}


def test_a_document_signed_by_several_is_the_agreement_told_before(events) -> None:
    text = (
        "Сегодня было заключено соглашение о сотрудничестве между правительством города и фондом «Сколково». "
        "Документ подписали губернатор Георгий Полтавченко и президент фонда Виктор Вексельберг."
    )
    (found,) = events(text, "ru")
    assert found["event_type"] == "agreement_signed"
    assert {"Georgy Poltavchenko", "Viktor Vekselberg"} <= {p["name"] for p in found["participants"]}


def test_the_guests_of_a_signing_are_no_parties(events) -> None:
    text = (
        "Подписание договора между ООО «СовЭлМаш» и АО «Технополис Москва» прошло в присутствии заместителя "
        "префекта Зеленограда Андрея Новожилова и генерального директора компании «Альфа» Игоря Ищенко."
    )
    (found,) = events(text, "ru")
    roles = {p["name"]: p["role"] for p in found["participants"]}
    assert roles["Andrey Novozhilov"] == roles["Igor Ishchenko"] == "participant"
    assert "party" not in {role for name, role in roles.items() if "Альфа" in name or "Alfa" in name}


def test_a_signing_to_come_is_kept_and_marked_planned(events) -> None:
    text = "Губернатор Иван Петров и глава компании Олег Смирнов подпишут соглашение о сотрудничестве."
    (found,) = events(text, "ru")
    assert (found["event_type"], found["planned"]) == ("agreement_signed", True)
    (done,) = events(text.replace("подпишут", "подписали"), "ru")
    assert done["planned"] is False
    (english,) = events("The region and the company will sign a memorandum of cooperation in May.")
    assert english["planned"] is True


def test_a_forum_takes_the_tense_of_its_sentence(events) -> None:
    text = "В ходе форума будет подписан меморандум о создании ассоциации технопарков."
    by_type = {e["event_type"]: e["planned"] for e in events(text, "ru")}
    assert by_type == {"forum": True, "agreement_signed": True}
    past = {e["event_type"]: e["planned"] for e in events(text.replace("будет", "был"), "ru")}
    assert past == {"forum": False, "agreement_signed": False}


def test_a_press_conference_or_a_talk_to_journalists_is_no_meeting(events) -> None:
    assert events("На встрече с журналистами губернатор рассказал о новом технопарке.", "ru") == []
    assert events("At a meeting with journalists the governor spoke about the new technopark.") == []
    assert [e["event_type"] for e in events("Губернатор провёл рабочую встречу с инвесторами.", "ru")] == [
        "meeting"
    ]


def test_the_meeting_of_a_visit_is_that_visit(events) -> None:
    text = (
        "Делегация Калужской области посетила технопарк «Строгино». "
        "В ходе встречи гостям провели экскурсию по производствам резидентов."
    )
    assert [e["event_type"] for e in events(text, "ru")] == ["visit"]


def test_a_setting_told_again_is_the_one_told_before(events) -> None:
    text = (
        "В рамках Гайдаровского форума губернатор подписал соглашение с министерством. "
        "На Гайдаровском форуме выступили главы регионов."
    )
    assert sorted(e["event_type"] for e in events(text, "ru")) == ["agreement_signed", "forum"]


def test_a_visit_to_another_site_is_another_visit(events) -> None:
    text = (
        "On May 3, a delegation of Kaluga region visited Togliatti. "
        "The delegation visited the Zhiguli Valley technopark, where cooperation was discussed."
    )
    assert [e["event_type"] for e in events(text)] == ["visit", "visit"]
    again = "On May 3, a delegation of Kaluga region visited Togliatti. The delegation visited Togliatti."
    assert [e["event_type"] for e in events(again)] == ["visit"]


def test_a_signing_told_by_its_noun_takes_the_tense_of_its_verb(events) -> None:
    text = "Подписание соглашения между Калужской областью и Тульской областью состоится во время форума."
    signing = next(e for e in events(text, "ru") if e["event_type"] == "agreement_signed")
    assert signing["planned"] is True
    assert {p["name"]: p["role"] for p in signing["participants"]} == {
        "Kaluga Oblast": "region",
        "Tula Oblast": "region",
    }


def test_the_official_reporting_an_event_before_it_is_no_party(events) -> None:
    text = "Губернатор Иван Петров подчеркнул, что соглашение подписали компании «Альфа» и «Бета»."
    (found,) = events(text, "ru")
    assert "Ivan Petrov" not in {p["name"] for p in found["participants"]}


def test_who_speaks_after_a_signing_is_no_party(events) -> None:
    text = (
        "Компания «Альфа» и правительство Калужской области подписали соглашение о сотрудничестве. "
        "После подписания соглашения губернатор Иван Петров сказал, что проект важен для региона."
    )
    (found,) = events(text, "ru")
    assert "Ivan Petrov" not in {p["name"] for p in found["participants"]}


def test_the_agency_of_a_dateline_is_no_party(events) -> None:
    text = "ИНТЕРФАКС - Компания «Альфа» и компания «Бета» заключили соглашение о сотрудничестве."
    (found,) = events(text, "ru")
    assert not any("нтерфакс" in p["name"].lower() for p in found["participants"])


def test_a_plant_opened_or_to_be_launched_in_russian_word_order(events) -> None:
    (opened,) = events("В Уфе открылась фабрика спортивной одежды компании «Альфа».", "ru")
    assert (opened["event_type"], opened["planned"]) == ("plant_launch", False)
    (to_come,) = events("Компания «Альфа» планирует запустить производство электроники.", "ru")
    assert (to_come["event_type"], to_come["planned"]) == ("plant_launch", True)


def test_a_document_of_intent_signed_is_done_and_the_document_is_the_agreement_told_before(events) -> None:
    text = "Документ о намерении создать индустриальный парк подписали министр Иван Петров и Олег Смирнов."
    (intent,) = events(text, "ru")
    assert (intent["event_type"], intent["planned"]) == ("agreement_signed", False)
    text = (
        "Губернатор Иван Петров подписал соглашение о создании кластера. Соглашение предусматривает "
        "строительство завода, технопарка и дорог, а также подготовку кадров для новых предприятий региона "
        "на ближайшие десять лет. Проект обсуждали с инвесторами с прошлого года, и его поддержали в "
        "министерстве промышленности, в агентстве развития и в торговой палате региона. Документ подписали "
        "также глава компании «Альфа» Олег Смирнов и ректор университета Сергей Орлов."
    )
    (agreement,) = events(text, "ru")
    assert {"Ivan Petrov", "Oleg Smirnov"} <= {p["name"] for p in agreement["participants"]}


def test_a_month_without_a_day_after_publication_is_last_years(events) -> None:
    (found,) = events("В ноябре компания «Альфа» открыла завод в Калуге.", "ru", published=date(2024, 3, 1))
    assert found["event_date"] == date(2023, 11, 1)


def test_a_meeting_to_come_told_by_a_verb_of_planning(events) -> None:
    text = "На следующей неделе планируются переговоры инвесторов с руководством технопарка."
    (found,) = events(text, "ru")
    assert (found["event_type"], found["planned"]) == ("meeting", True)


def test_one_agreement_named_in_particular_among_many_is_another(events) -> None:
    text = (
        "В ходе визита подписано 13 соглашений о сотрудничестве. В частности, мэр Иван Петров и "
        "председатель комитета Олег Смирнов подписали соглашение о побратимских связях."
    )
    signed = [e for e in events(text, "ru") if e["event_type"] == "agreement_signed"]
    assert len(signed) == 2
    assert {p["name"] for p in signed[1]["participants"]} >= {"Ivan Petrov", "Oleg Smirnov"}
