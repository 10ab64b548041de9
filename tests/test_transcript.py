from __future__ import annotations

from digest.clean import clean_article
from digest.transcript import opens_with_speaker_label, speech_start
from digest.types import Article

SHOW = (
    "Egypt Uprising: Hosni Mubarak Steps Down Aired February 11, 2011 - 11:53 ET THIS IS A RUSH TRANSCRIPT.\n"
    "ANDERSON COOPER, CNN ANCHOR: We have Wael Ghonim on the phone.\n"
    "Wael, your thoughts on this extraordinary moment.\n"
    "WAEL GHONIM, EGYPTIAN ACTIVIST (via telephone): I'm proud to be Egyptian.\n"
    "Always the people of Egypt are very happy because Mubarak is going.\n"
    "COOPER: Wael, what does the protest movement do now?\n"
    "GHONIM: Today is the day for celebration.\n"
)


def test_a_broadcast_transcripts_speech_starts_at_its_notice_or_first_turn() -> None:
    assert speech_start(SHOW) == 0  # the notice line opens the transcript
    intro = "Egypt's ambassador spoke with CNN's Wolf Blitzer about the army's role in the transition.\n"
    turns = SHOW.split("\n", 1)[1]
    assert speech_start(intro + turns) == len(intro)
    # Everything below the first turn is speech, labelled or not.
    assert opens_with_speaker_label("WAEL GHONIM, EGYPTIAN ACTIVIST (via telephone): I'm proud to be Egyptian.")
    assert opens_with_speaker_label("GRETA VAN SUSTEREN, FOX NEWS HOST: Well, it simply will not stop.")
    assert opens_with_speaker_label("COOPER (voice-over): The crowds grew.")
    assert not opens_with_speaker_label("Always the people of Egypt are very happy because Mubarak is going.")


def test_pages_with_a_few_capital_headings_are_no_transcripts() -> None:
    estimates = (
        "A team of experts on Thursday released its best initial estimate of the flow.\n"
        "PLUME MODELING ESTIMATE: 12,000-25,000 bpd The plume modeling team used video.\n"
        "RISER INSERTION TUBE TOOL ESTIMATE: at least 11,000 bpd This estimate is a lower bound.\n"
    )
    assert speech_start(estimates) == len(estimates)  # no speaker speaks twice
    blog = "PS: It would have been nice to hear more.\nAND THIS IS HOW IT CREATES WEALTH: First, it hires.\n"
    assert speech_start(blog) == len(blog)
    # an interview of questions by one outlet ("CNN: ...") and answers in mixed case: one labelled speaker
    qa = "CNN: What do you think?\nZakaria: It is too late.\nCNN: And now?\nZakaria: He must go.\nCNN: Why?\n"
    assert speech_start(qa) == len(qa)


def test_a_transcripts_first_turn_is_no_headline_and_stays() -> None:
    text = (
        "ANDERSON COOPER, CNN ANCHOR: Good evening, everyone.\n"
        "Tonight, Saturday morning in Egypt, the revolution has won and the crowds are still in the square.\n"
        "OMAR SULEIMAN, EGYPTIAN VICE PRESIDENT (through translator): President Mubarak has decided to step down.\n"
        "COOPER: Just after 6:00 local time, the bulletin came on from state television.\n"
        "COOPER: The dictator, Mubarak, is gone, and the military now runs the country.\n"
    )
    cleaned = clean_article(Article("show", text, "cnn"))
    assert cleaned.title is None
    assert cleaned.text.startswith("ANDERSON COOPER, CNN ANCHOR: Good evening, everyone.")
    assert speech_start(cleaned.text) == 0
