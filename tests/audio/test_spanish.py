"""Spanish narration: each normalising step with input/output tables, and the whole script (golden)."""

from __future__ import annotations

import pytest

from pipeline.audio.spoken_script.narration import narration_script, sentences
from pipeline.audio.spoken_script.normalise import normalise
from pipeline.audio.spoken_script.script import format_script


@pytest.mark.parametrize(("written", "said"), [
    ("Llame al (704) 555-0123.", "Llame al siete cero cuatro, cinco cinco cinco, cero uno dos tres."),
    ("Llame al 988 y marque 2.", "Llame al nueve, ocho, ocho y marque dos."),
    ("En una emergencia, llame al 911.", "En una emergencia, llame al nueve, uno, uno."),
    ("Tel. (704) 555-0123.", "teléfono siete cero cuatro, cinco cinco cinco, cero uno dos tres."),
    ("Su cita es el 15/09/2025.", "Su cita es el quince de septiembre de dos mil veinticinco."),
    ("Desde el 2025-09-01.", "Desde el primero de septiembre de dos mil veinticinco."),
    ("El 1 de mayo.", "El primero de mayo."),
    ("El 4 de agosto de 2025.", "El cuatro de agosto de dos mil veinticinco."),
    ("Duerma aprox. 8 hrs. cada noche.", "Duerma aproximadamente ocho horas cada noche."),
    ("Espere 10 min. y vuelva.", "Espere diez minutos y vuelva."),
    ("Vea la pág. 4.", "Vea la página cuatro."),
    ("Escriba a hola@example.com.", "Escriba a hola arroba example punto com."),
    ("Escriba a mi-nombre+citas@example.org.", "Escriba a mi guion nombre más citas arroba example punto org."),
    ("Visite https://www.example.com/contacto/.", "Visite example punto com barra contacto."),
    ("Son 1,200 personas.", "Son mil doscientos personas."),
    ("Duerma 7.5 horas.", "Duerma siete punto cinco horas."),
    ("En 2025 cumplí 21 años.", "En dos mil veinticinco cumplí veintiuno años."),
    ("Cuesta $5.50.", "Cuesta cinco dólares con cincuenta centavos."),
    ("Cuesta $1.", "Cuesta un dólar."),
    ("Cuesta $21.", "Cuesta veintiún dólares."),
    ("El 50% lo nota.", "El cincuenta por ciento lo nota."),
    ("Espere 10-15 minutos.", "Espere diez a quince minutos."),
    ("A las 3:30 p. m.", "A las tres y treinta de la tarde."),
    ("A las 10:00.", "A las diez en punto."),
    ("El 1.º de mayo y la 2.ª vez.", "El primero de mayo y la segunda vez."),
    ("El 3er día.", "El tercer día."),
    ("La Dra. Pérez y el Sr. Ruiz.", "La doctora Pérez y el señor Ruiz."),
    ("Frutas, verduras, etc.", "Frutas, verduras, etcétera."),
    ("De lunes–viernes.", "De lunes a viernes."),
    ("Vivimos en Charlotte, NC.", "Vivimos en Charlotte, Carolina del Norte."),
    ("Pareja & familia.", "Pareja y familia."),
    ("¿Qué ayuda?", "¿Qué ayuda?"),
], ids=["phone", "lifeline", "emergency", "tel", "date-day-first", "date-iso", "first-of-the-month",
        "date-in-words", "aprox-hrs", "min", "pag", "email", "email-symbols", "web", "thousands", "decimal",
        "year-and-age",
        "money", "one-dollar", "twenty-one-dollars", "percent", "range", "time-pm", "time-on-the-hour", "ordinals",
        "tercer",
        "titles", "etc", "weekday-range", "state-after-city", "ampersand", "question"])
def test_spanish_is_said_in_spanish(written, said):
    assert normalise(written, None, "es") == said


def test_english_rules_stay_english():
    assert normalise("Call (704) 555-0123 or write to hello@example.com.") == \
        "Call 7 0 4, 5 5 5, 0 1 2 3 or write to hello at example dot com."


def test_spanish_sentences_split_by_spanish_rules():
    said = [text for text, _ in sentences("¿Le pasa a usted? La Dra. López dice que es normal. ¡Ánimo!", "es")]
    assert said == ["¿Le pasa a usted?", "La Dra. López dice que es normal.", "¡Ánimo!"]


def test_spanish_script_matches_its_golden_listing(spanish_article, practice, golden):
    golden("sueno-y-preocupacion.script.txt", format_script(narration_script(spanish_article, practice)))


def test_spanish_script_speaks_the_stamp_in_spanish(spanish_article, practice):
    script = narration_script(spanish_article, practice)
    said = " ".join(segment.spoken for segment in script.segments)
    assert script.language == "es"
    assert script.chapter_titles() == ("Introducción", "¿Qué ayuda?", "Acerca de Your Practice Name")
    assert "Un folleto en audio de Your Practice Name." in said
    assert "Ofrecemos sesiones virtuales a clientes en Arizona, Florida, Carolina del Norte" in said
    assert "llame al siete cero cuatro, cinco cinco cinco, cero uno dos tres." in said
    assert "hello arroba example punto com o visitar example punto com." in said
    assert "llame al nueve, ocho, ocho y marque dos" in said and "la palabra AYUDA al nueve, ocho, ocho" in said
    assert "Primero, escriba" in said and "Segundo, levántese" in said
    assert "Cita: Lo que se escribe" in said and "Fin de la cita." in said
    assert said.endswith("Gracias por escuchar.")
    assert not any(word in said for word in (" at ", " dot ", "Thank you", "About ", "Quote"))
