"""Action logs read from the words' positions: header words name the columns, body text ends the log."""
from panel_papers.extract.actions import actions
from panel_papers.extract.records import PageText, Word


def _page(lines: list[tuple[float, list[tuple[float, str]]]], number: int = 1) -> PageText:
    """lines: (top, [(x0, phrase), ...]); a word is 5 points a character, 3 points between words."""
    words = []
    for index, (top, cells) in enumerate(lines):
        for x, phrase in cells:
            for part in phrase.split():
                words.append(Word(part, index, x, x + 5 * len(part), top, top + 9, 9.0, "Arial", False))
                x += 5 * len(part) + 3
    text = "\n".join(" ".join(t for _, t in cells) for _, cells in lines)
    return PageText(number, text, 595, 842, True, words)


LOG = [
    (100, [(72, "Matters arising from the last meeting")]),
    (120, [(80, "Ref"), (200, "Action"), (400, "Owner"), (480, "Status")]),
    (134, [(72, "M1.01"), (140, "Clerk to write to the highways"), (400, "Clerk"), (480, "Completed")]),
    (144, [(140, "authority about the verge")]),
    (158, [(72, "M1.02"), (140, "Order new signs"), (400, "JB"), (480, "Ongoing")]),
    (190, [(60, "5"), (100, "Planning")]),
    (204, [(100, "The council considered two applications received since the last meeting and")]),
]


def test_rows_of_a_log_with_their_owner_and_status_as_printed():
    found = actions([_page(LOG)])
    assert [(a.ref, a.text, a.owner, a.status) for a in found] == [
        ("M1.01", "Clerk to write to the highways authority about the verge", "Clerk", "Completed"),
        ("M1.02", "Order new signs", "JB", "Ongoing"),
    ]


def test_a_table_without_an_action_column_is_not_a_log():
    payments = [(120, [(80, "Payee"), (200, "Detail"), (400, "Total"), (480, "Status")]),
                (134, [(80, "HMRC"), (200, "Salary"), (400, "26.67"), (480, "Paid")])]
    assert actions([_page(payments)]) == []


def test_action_lines_name_their_owner():
    page = PageText(2, "ACTION: NO/AS to organise a working party\nAction : Clerk to circulate the figures", 595, 842)
    found = actions([page])
    assert [(a.text, a.owner, a.page) for a in found] == [
        ("NO/AS to organise a working party", "NO/AS", 2), ("Clerk to circulate the figures", "Clerk", 2)]


def test_ids_are_stable_and_a_restated_row_is_its_own_record():
    first, again = actions([_page(LOG)]), actions([_page(LOG)])
    assert [a.id for a in first] == [a.id for a in again]
    assert actions([_page(LOG, 1)])[0].id != actions([_page(LOG, 4)])[0].id


def test_each_owned_line_under_one_ref_is_its_own_task_and_the_paper_numbering_ends_the_log():
    log = [
        (120, [(72, "No"), (140, "Action"), (460, "Owner")]),
        (134, [(72, "09.19.06"), (140, "NO/AS to organise a working party"), (460, "NO/AS")]),
        (144, [(140, "CF to ask for a quote"), (460, "CF")]),
        (154, [(140, "for three cuts next year")]),
        (168, [(72, "6"), (140, "Correspondence to discuss letters received")]),
        (182, [(72, "7"), (140, "Reports from district councillors"), (460, "DC")]),
    ]
    found = actions([_page(log)])
    assert [(a.ref, a.text, a.owner) for a in found] == [
        ("09.19.06", "NO/AS to organise a working party", "NO/AS"),
        ("09.19.06", "CF to ask for a quote for three cuts next year", "CF"),
    ]


def test_a_bold_owner_in_the_right_margin_takes_the_sentence_beside_it():
    lines = ["Sandbags: Cllr Ash reported these were now in place.",
             "War Memorial: Cllr Elm requested that Council write in support of the grant",
             "application for the refurbishment.",
             "Rates demand for the pavilion."]
    words = []
    for index, line in enumerate(lines):
        x = 72.0
        for part in line.split():
            words.append(Word(part, index, x, x + 5 * len(part), 100 + 14 * index, 109 + 14 * index, 9.0, "Arial", False))
            x += 5 * len(part) + 3
    words.append(Word("Clerk", 2, 480, 505, 128, 137, 9.0, "Arial", True))
    words.append(Word("Noted.", 3, 480, 510, 142, 151, 9.0, "Arial", True))
    text = "\n".join(lines[:2] + [lines[2] + " Clerk", lines[3] + " Noted."])
    found = actions([PageText(2, text, 595, 842, True, words)])
    assert [(a.text, a.owner) for a in found] == [
        ("Cllr Elm requested that Council write in support of the grant application for the refurbishment.", "Clerk")]
