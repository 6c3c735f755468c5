"""The text kind's advanced `train` as a plain script: the bar `train` is timed
against.

The same work as `python -m <package> train` in an advanced text project on the
benchmark corpus, done with the libraries directly: read, split (and a validation
share off the training texts), learn a WordPiece tokenizer from the training texts,
train the same embedding-bag network with Lightning (AdamW, cosine schedule, early
stopping, best and last checkpoints, a CSV log; 30 epochs at most) on padded,
length-sorted batches (trainer.py), then the intermediate search
(text_intermediate.py) as its rival; score the network, the rival and a Dummy baseline
on the test texts, save them.
Usage: python benchmarks/baselines/text_advanced.py OUTPUT_FOLDER CSV
"""

import sys
from pathlib import Path

import lightning as L
import torch
from sklearn.model_selection import train_test_split
from tokenizers import Tokenizer, models, normalizers, pre_tokenizers
from tokenizers.trainers import WordPieceTrainer
from torch import nn
from torch.nn.utils.rnn import pad_sequence
from torch.utils.data import DataLoader
from torchmetrics.classification import MulticlassAccuracy

import figures
from common import against_dummy, save, score
from text_common import SEED, read_split
from text_intermediate import fit_best, search_figures
from trainer import lightning_trainer

torch.set_num_threads(1)


class Network(L.LightningModule):
    def __init__(self, vocab: int, classes: int) -> None:
        super().__init__()
        self.embedding = nn.EmbeddingBag(vocab, 64, mode="mean", padding_idx=0)
        self.head = nn.Sequential(
            nn.Dropout(0.2),
            nn.Linear(64, 64),
            nn.ReLU(),
            nn.Dropout(0.2),
            nn.Linear(64, classes),
        )
        self.loss = nn.CrossEntropyLoss()
        self.val_accuracy = MulticlassAccuracy(classes, average="micro")

    def forward(self, tokens):
        return self.head(self.embedding(tokens))

    def training_step(self, batch, _):
        tokens, labels = batch
        loss = self.loss(self(tokens), labels)
        self.log("train_loss", loss, on_epoch=True, on_step=False)
        return loss

    def validation_step(self, batch, _):
        tokens, labels = batch
        outputs = self(tokens)
        self.val_accuracy.update(outputs, labels)
        self.log("val_loss", self.loss(outputs, labels), on_epoch=True)
        self.log("val_accuracy", self.val_accuracy, on_epoch=True)

    def configure_optimizers(self):
        optimizer = torch.optim.AdamW(self.parameters(), lr=0.003, weight_decay=1e-4)
        schedule = torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, T_max=30)
        return {"optimizer": optimizer, "lr_scheduler": schedule}


def encode(tokenizer: Tokenizer, texts) -> list[torch.Tensor]:
    return [torch.tensor(e.ids or [1]) for e in tokenizer.encode_batch(list(texts))]


def loader(tokens, labels, shuffle: bool) -> DataLoader:
    pairs = list(zip(tokens, labels, strict=True))
    if shuffle:  # sorted by length within the shuffled order: little padding
        order = torch.randperm(
            len(pairs), generator=torch.Generator().manual_seed(SEED)
        )
        pairs = sorted((pairs[i] for i in order), key=lambda pair: len(pair[0]))
    return DataLoader(
        pairs,
        batch_size=32,
        collate_fn=lambda batch: [
            pad_sequence([t for t, _ in batch], batch_first=True),
            torch.stack([label for _, label in batch]),
        ],
    )


output, csv = Path(sys.argv[1]), Path(sys.argv[2])
X_train, X_test, y_train, y_test = read_split(csv)
X_fit, X_val, y_fit, y_val = train_test_split(
    X_train, y_train, test_size=0.2, random_state=SEED, stratify=y_train
)
L.seed_everything(SEED, verbose=False)
tokenizer = Tokenizer(models.WordPiece(unk_token="[UNK]"))
tokenizer.normalizer = normalizers.BertNormalizer(lowercase=True)
tokenizer.pre_tokenizer = pre_tokenizers.BertPreTokenizer()
tokenizer.train_from_iterator(
    X_fit["review"],
    WordPieceTrainer(
        vocab_size=8000,
        min_frequency=2,
        special_tokens=["[PAD]", "[UNK]"],
        show_progress=False,
    ),
)
tokenizer.enable_truncation(256)
classes = sorted(y_train.unique())
index = {name: number for number, name in enumerate(classes)}


def labels_of(y) -> torch.Tensor:
    return torch.tensor(y.map(index).to_numpy())


network = Network(tokenizer.get_vocab_size(), len(classes))
trainer, checkpoint = lightning_trainer(output, max_epochs=30, patience=10)
trainer.fit(
    network,
    loader(encode(tokenizer, X_fit["review"]), labels_of(y_fit), shuffle=True),
    loader(encode(tokenizer, X_val["review"]), labels_of(y_val), shuffle=False),
)
best = Network.load_from_checkpoint(
    checkpoint.best_model_path,
    vocab=tokenizer.get_vocab_size(),
    classes=len(classes),
    weights_only=True,
).eval()
with torch.no_grad():
    tokens = pad_sequence(encode(tokenizer, X_test["review"]), batch_first=True)
    y_pred = [classes[i] for i in best(tokens).argmax(dim=1).tolist()]

rival, study = fit_best(output, X_train, y_train)
scores = against_dummy(y_test, y_pred, X_train, y_train, X_test)
metrics = {
    "network": scores["model"],
    "best_classical": score(y_test, rival.predict(X_test)),
    "baseline": scores["baseline"],
}
figures.confusion_matrix(output, y_test, y_pred, plain=True)
search_figures(output, rival, study, X_train, y_train)
tokenizer.save(str(output / "tokenizer.json"))
save(output, metrics, rival)
print(f"test accuracy: network {metrics['network']['accuracy']:.3f}")
