"""What the three plain clustering scripts share with every tier of the clustering
kind: iris without its labels, the scores against random assignment, the figures and
the profile. The same work as the kind's data.py, metrics.py, evaluate.py and
figures.py, written with the libraries directly."""

import itertools
from pathlib import Path

import matplotlib.pyplot as plt
import numpy as np
import optuna
import pandas as pd
from sklearn.base import clone
from sklearn.cluster import DBSCAN, AgglomerativeClustering, KMeans
from sklearn.datasets import load_iris
from sklearn.decomposition import PCA
from sklearn.metrics import (
    adjusted_mutual_info_score,
    adjusted_rand_score,
    calinski_harabasz_score,
    davies_bouldin_score,
    silhouette_score,
)
from sklearn.mixture import GaussianMixture
from sklearn.model_selection import train_test_split
from sklearn.neighbors import NearestCentroid
from sklearn.pipeline import Pipeline

import search
from common import build_preprocessor, write_json


def iris_rows():
    """Training and test rows of iris, and their hidden labels."""
    iris = load_iris(as_frame=True)
    labels = pd.Series(iris.target_names[iris.target], index=iris.data.index)
    return train_test_split(iris.data, labels, test_size=0.2, random_state=42)


def scores(features, clusters, labels) -> dict[str, float]:
    return {
        "silhouette": float(silhouette_score(features, clusters)),
        "davies_bouldin": float(davies_bouldin_score(features, clusters)),
        "calinski_harabasz": float(calinski_harabasz_score(features, clusters)),
        "adjusted_rand": float(adjusted_rand_score(labels, clusters)),
        "adjusted_mutual_info": float(adjusted_mutual_info_score(labels, clusters)),
    }


def against_chance(features, clusters, labels) -> dict:
    found = len(np.unique(clusters))
    chance = np.random.default_rng(42).permutation(np.arange(len(clusters)) % found)
    return {
        "model": scores(features, clusters, labels),
        "baseline": scores(features, chance, labels),
    }


def describe(X, features_all, clusters, anomaly, labels, n_train, output: Path):
    """The profile, the most unusual rows and the two figures of every tier."""
    profile = X.groupby(clusters).mean()
    unusual = np.argsort(anomaly)[::-1][:5]
    points = PCA(n_components=2, random_state=42).fit_transform(features_all)
    figure, axes = plt.subplots(1, 2, figsize=(12, 5), layout="constrained")
    for axis, groups in zip(
        axes, (clusters.astype(str), labels.to_numpy()), strict=True
    ):
        for group in np.unique(groups):
            axis.scatter(*points[groups == group].T, s=14, label=group)
        axis.legend()
    axes[0].scatter(*points[unusual].T, s=120, facecolors="none", edgecolors="black")
    figure.savefig(output / "clusters.png", dpi=120)
    plt.close(figure)
    ks, inertias, silhouettes = range(2, 11), [], []
    for k in ks:
        model = KMeans(n_clusters=k, n_init=10, random_state=42)
        model.fit(features_all[:n_train])
        inertias.append(model.inertia_)
        silhouettes.append(silhouette_score(features_all[:n_train], model.labels_))
    figure, (elbow, silhouette) = plt.subplots(1, 2, figsize=(11, 4))
    elbow.plot(ks, inertias, marker="o")
    silhouette.plot(ks, silhouettes, marker="o")
    figure.savefig(output / "choice_of_k.png", dpi=120)
    plt.close(figure)
    return {"profile": profile.to_dict(), "unusual": [int(row) for row in unusual]}


def write_metrics(output: Path, metrics: dict) -> None:
    write_json(output / "metrics.json", metrics)
    model, baseline = metrics["model"], metrics["baseline"]
    print(
        f"test adjusted_rand: model {model['adjusted_rand']:.3f}, "
        f"baseline {baseline['adjusted_rand']:.3f}"
    )


def search_and_refit(X_train, output: Path):
    """30 Optuna trials (SQLite) over the four candidates, 3 seeds each; the best
    refitted on X_train, with a NearestCentroid where it cannot assign new rows;
    the candidates figure saved."""
    features = build_preprocessor(sparse_threshold=0.0)

    def candidate(trial: optuna.Trial) -> Pipeline:
        name = trial.suggest_categorical(
            "candidate", ["agglomerative", "dbscan", "gaussian_mixture", "model"]
        )
        if name == "model":
            estimator = KMeans(n_clusters=trial.suggest_int("k", 2, 8), n_init=10)
        elif name == "gaussian_mixture":
            estimator = GaussianMixture(
                n_components=trial.suggest_int("n", 2, 8),
                covariance_type=trial.suggest_categorical(
                    "c", ["full", "diag", "spherical"]
                ),
            )
        elif name == "agglomerative":
            estimator = AgglomerativeClustering(
                n_clusters=trial.suggest_int("a", 2, 8),
                linkage=trial.suggest_categorical("l", ["ward", "average", "complete"]),
            )
        else:
            estimator = DBSCAN(
                eps=trial.suggest_float("eps", 0.2, 3.0, log=True),
                min_samples=trial.suggest_int("m", 3, 15),
            )
        return Pipeline([("features", clone(features)), ("estimator", estimator)])

    def objective(trial: optuna.Trial) -> float:
        silhouettes, fits = [], []
        for seed in (42, 43, 44):
            model = candidate(trial)
            if "random_state" in model[-1].get_params():
                model.set_params(estimator__random_state=seed)
            clusters = model.fit_predict(X_train)
            found = len(np.unique(clusters))
            ok = 2 <= found < len(X_train)
            silhouettes.append(
                silhouette_score(model[:-1].transform(X_train), clusters)
                if ok
                else -1.0
            )
            fits.append(clusters)
        pairs = itertools.combinations(fits, 2)
        trial.set_user_attr(
            "stability", np.mean([adjusted_rand_score(*p) for p in pairs])
        )
        return float(np.mean(silhouettes))

    optuna.logging.set_verbosity(optuna.logging.ERROR)
    sampler = optuna.samplers.TPESampler(seed=42)
    study = search.run(output, objective, n_trials=30, sampler=sampler, name=None)

    model = candidate(study.best_trial)
    if "random_state" in model[-1].get_params():
        model.set_params(estimator__random_state=42)
    model.fit(X_train)
    if not hasattr(model[-1], "predict"):
        clusters = model[-1].labels_
        kept = clusters != -1
        nearest = NearestCentroid().fit(
            model[:-1].transform(X_train)[kept], clusters[kept]
        )
        model = Pipeline([("features", model[0]), ("estimator", nearest)])

    best = {}
    for trial in study.trials:
        name = trial.params["candidate"]
        if name not in best or trial.value > best[name].value:
            best[name] = trial
    figure, (score, stability) = plt.subplots(1, 2, figsize=(11, 4))
    score.barh(list(best), [trial.value for trial in best.values()])
    stability.barh(
        list(best), [trial.user_attrs["stability"] for trial in best.values()]
    )
    figure.savefig(output / "candidates.png", dpi=120)
    plt.close(figure)
    return model
