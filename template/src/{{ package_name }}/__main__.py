"""The command line: `python -m <package> train | evaluate | predict | report`.

Plumbing only: each command calls one function from the modules beside this one.
A ProjectError becomes a one-line message and exit code 1, never a traceback.
"""

import argparse
import sys
from pathlib import Path

from .config import Paths
from .errors import ProjectError


def run_train(args: argparse.Namespace) -> None:
    from .train import train

    metrics = train(Paths(args.root))
    print_scores(metrics)


def run_evaluate(args: argparse.Namespace) -> None:
    from .evaluate import evaluate_saved_model

    metrics = evaluate_saved_model(Paths(args.root))
    print_scores(metrics)


def run_predict(args: argparse.Namespace) -> None:
    from .predict import predict

    output = predict(args.csv, Paths(args.root), args.output)
    print(f"predictions written to {output}")


def run_report(args: argparse.Namespace) -> None:
    from .report import report

    for document in report(Paths(args.root)):
        print(f"results filled into {document}")


def print_scores(metrics: dict) -> None:
    name = metrics["primary_metric"]
    model, baseline = metrics["model"][name], metrics["baseline"][name]
    print(f"test {name}: model {model:.3f}, baseline {baseline:.3f}")
    print("metrics written to reports/metrics.json, figures to reports/figures/")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=f"python -m {__package__}", description=__doc__
    )
    parser.add_argument(
        "--root", type=Path, default=Path(), help="project folder (default: current)"
    )
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("train", help="fit, evaluate and save the model").set_defaults(
        run=run_train
    )
    commands.add_parser("evaluate", help="re-score the saved model").set_defaults(
        run=run_evaluate
    )
    predict = commands.add_parser("predict", help="predict for the rows of a CSV")
    predict.add_argument("csv", type=Path, help="CSV with the training feature columns")
    predict.add_argument("--output", type=Path, help="default: reports/predictions.csv")
    predict.set_defaults(run=run_predict)
    commands.add_parser(
        "report", help="fill the results into the blog draft"
    ).set_defaults(run=run_report)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        args.run(args)
    except ProjectError as error:
        # One line, even when the cause quotes a library's multi-line message.
        print(f"error: {' '.join(str(error).split())}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
