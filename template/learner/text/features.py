"""Turn texts into model inputs: the part of a text model worth experimenting with.

TF-IDF counts each word (or run of words, an n-gram) in a text and weighs it down by
how many texts use it, so "the" counts for little and "goalie" for a lot. The
arguments of `build_features` are the `features:` section of configs/default.yaml,
but `text_column`, which configs/project.yaml sets: add an argument here (with a type
and a default) and it becomes a key there, checked on start.
Try next: `analyzer="char_wb"` with `ngram_range=(2, 5)`, which reads spelling
mistakes and word endings too.
"""

from sklearn.compose import ColumnTransformer
from sklearn.feature_extraction.text import TfidfVectorizer


def build_features(
    text_column: str,
    ngram_max: int = 2,
    min_df: int = 2,
    sublinear_tf: bool = True,
    max_features: int | None = 50_000,
) -> ColumnTransformer:
    """TF-IDF of the text column: one column per word or n-gram of the vocabulary.

    Args:
        text_column: the column that holds the texts (configs/project.yaml).
        ngram_max: the longest run of words counted: 1 for single words, 2 adds
            pairs ("not good"), which often helps and grows the vocabulary.
        min_df: words in fewer texts than this are left out (typos, names).
        sublinear_tf: count a word 1 + log(times) instead of times, so one word
            repeated in a text does not drown the others.
        max_features: keep this many of the most frequent words at most; null
            keeps them all.
    """
    tfidf = TfidfVectorizer(
        ngram_range=(1, ngram_max),
        min_df=min_df,
        sublinear_tf=sublinear_tf,
        max_features=max_features,
        strip_accents="unicode",
    )
    # The column's name as a string, not a list: the vectorizer wants one text per row.
    return ColumnTransformer(
        [("tfidf", tfidf, text_column)], verbose_feature_names_out=False
    )
