"""The author's box under a story in a whole-page dump (cleanfeed/text/body.author_box_at): a heading `About
<Name>` in the page's language (`Sobre Ana Ribeiro`, `Über Lena Hartmann`, `À propos de Claire Dubois`) over the
one paragraph that tells who the author is and names them, the last prose of the page. The HTML path drops such a
box by the byline's names (html/authorbio.py); a dump has no byline markup. Guard: a profile whose heading names
the person and whose story goes on under it stays whole.
Own dumps, written by hand."""
from __future__ import annotations

import pytest

from cleanfeed.text.clean import clean_text

MENU = ["Início", "Notícias", "Educação", "Tecnologia", "Colunas", "Eventos", "Contato", "Assine", "Buscar",
        "Entrar"]
FOOTER = ["Política de Privacidade", "Termos de Uso", "© 2025 Revista Escola Viva"]
STORY = [
    "Ler em voz alta para as crianças todos os dias, mesmo por poucos minutos, é um dos hábitos que mais ajudam na "
    "alfabetização, segundo professores e pesquisadores ouvidos pela revista.",
    "A leitura compartilhada amplia o vocabulário, ensina a ouvir com atenção e mostra que os livros são uma fonte "
    "de prazer, e não apenas uma obrigação escolar que termina na sala de aula.",
    "Para começar, basta escolher histórias curtas, com ilustrações, e deixar que a criança participe virando as "
    "páginas, apontando as figuras e contando o que acha que vai acontecer depois.",
]
BOXES = {
    "pt": ["Sobre Ana Ribeiro", "Mãe de dois meninos, Ana Ribeiro é professora de educação infantil há quinze anos e "
           "escreve sobre alfabetização e leitura em família."],
    "de": ["Über Lena Hartmann", "Als Redakteurin für Bildung schreibt Lena Hartmann seit 2018 über Schulen, "
           "Lesen und Lernen in der Familie."],
    "fr": ["À propos de Claire Dubois", "Enseignante depuis vingt ans, Claire Dubois écrit sur la lecture et "
           "l'apprentissage des enfants."],
}


def body_of(lines: list[str]) -> list[str]:
    return list(clean_text("\n".join(["Ler em voz alta todos os dias - Revista Escola Viva", *MENU,
                                      "Ler em voz alta todos os dias", "Por Ana Ribeiro", "4 de março de 2025",
                                      *lines, *FOOTER])).paragraphs)


@pytest.mark.parametrize("lang", sorted(BOXES))
def test_the_author_box_under_the_story_is_not_the_story(lang: str) -> None:
    assert body_of([*STORY, *BOXES[lang]]) == STORY


def test_a_profile_that_goes_on_under_a_heading_naming_its_subject_stays() -> None:
    """Guard: the heading names the person, and the story goes on under its paragraph."""
    lines = [*STORY, "Sobre Ana Ribeiro", BOXES["pt"][1], STORY[0].replace("Ler", "Contar histórias")]
    assert body_of(lines) == [*STORY, "Sobre Ana Ribeiro", BOXES["pt"][1], lines[-1]]

