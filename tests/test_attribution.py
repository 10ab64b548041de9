from __future__ import annotations

import pytest

from digest.attribution import find_attribution


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Last week, Western officials told the BBC that 1,000 had been killed.", "Western officials to the BBC"),
        (
            "Ukrainian special forces fighting in Russia’s western Kursk region have told the BBC they have not "
            "seen any North Korean troops.",
            "Ukrainian special forces to the BBC",
        ),
        ("The newspaper quoted US officials as saying the withdrawal may not be permanent.", "US officials"),
        ("The newspaper, citing U.S. officials, stated that this may not be permanent.", "U.S. officials"),
        ("Reports attributed to South Korean intelligence say the troops are unprepared.", "South Korean intelligence"),
        ("According to South Korean intelligence, around 300 soldiers have been killed.", "South Korean intelligence"),
        (
            "Ukraine’s top military commander General Oleksandr Syrsky also said that the ranks diminished by half.",
            "Ukraine’s top military commander General Oleksandr Syrsky",
        ),
        ("Sources told the New York Times that the soldiers have not been seen.", "Sources to the New York Times"),
        ("The spokesman did not say how long that front line was.", "The spokesman"),
        ("They said Friday night's event had set a new record.", None),  # a pronoun is no attribution
        ("The withdrawal of North Korean troops, if confirmed, could be a significant step.", None),
        ("Russia launched a full-scale invasion of Ukraine in February 2022.", None),
    ],
)
def test_find_attribution(sentence: str, expected: str | None) -> None:
    assert find_attribution(sentence) == expected
