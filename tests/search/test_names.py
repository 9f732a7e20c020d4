from panel_papers.search.names import people


def entity(name, mentions=1, council="Kent County Council", kind="PERSON"):
    return {"entity_id": f"person:{name}", "name": name, "kind": kind, "mentions": mentions, "documents": 1,
            "council": council}


def grouped(*entities):
    return sorted(sorted(e["name"] for e in p.entities) for p in people(list(entities)))


def test_initials_titles_and_middle_names_are_one_person_within_a_council():
    found = people([entity("R Gough", 5), entity("R W Gough", 2), entity("Roger Gough", 9),
                    entity("Mr Roger Gough", 1), entity("Gough Seconded", 1)])
    roger = next(p for p in found if p.name == "Roger Gough")
    assert roger.forms == ["Mr Roger Gough", "R Gough", "R W Gough"] and roger.mentions == 17
    assert any(p.name == "Gough Seconded" for p in found)  # a different last word is not him
    assert grouped(entity("S Chandler"), entity("Sue Chandler")) == [["S Chandler", "Sue Chandler"]]
    assert grouped(entity("Val Griffin"), entity("Valerie Griffin")) == [["Val Griffin", "Valerie Griffin"]]


def test_different_given_names_or_councils_stay_apart():
    assert grouped(entity("Roger Gough"), entity("Richard Gough")) == [["Richard Gough"], ["Roger Gough"]]
    assert grouped(entity("R Gough"), entity("R Gough", council="Other Council")) == [["R Gough"], ["R Gough"]]
    # an initial that fits two people is neither of them
    assert grouped(entity("Roger Gough"), entity("Richard Gough"), entity("R Gough")) == \
        [["R Gough"], ["Richard Gough"], ["Roger Gough"]]


def test_a_surname_alone_joins_only_the_one_person_who_has_it():
    assert grouped(entity("Cllr Hedley"), entity("Emma Hedley")) == [["Cllr Hedley", "Emma Hedley"]]
    assert len(people([entity("Gough"), entity("Roger Gough"), entity("Richard Gough")])) == 3


def test_organisations_merge_only_on_the_same_name():
    assert grouped(entity("Ofsted", kind="ORG"), entity("OFSTED", kind="ORG"),
                   entity("Ofsted Inspection", kind="ORG")) == [["OFSTED", "Ofsted"], ["Ofsted Inspection"]]


def test_a_name_holding_only_some_of_the_words_typed_is_not_a_match():
    from panel_papers.search.people import _matches, _words

    assert _matches(_words("Roger Gough"), "Roger Gough", "R W Gough")
    assert not _matches(_words("Roger Gough"), "Roger Gough", "Roger")
    assert _matches(_words("Gough"), "Gough", "Cllr Roger Gough")
    assert _matches(_words("Hedly"), "Hedly", "Emma Hedley")  # a close spelling
