// Plain-language measures (Flesch Reading Ease, Flesch-Kincaid grade, sentence lengths, passives, words to avoid) for Markdown pages and message catalogues.
