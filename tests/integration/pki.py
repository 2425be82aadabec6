"""Certificates and signatures for the tests' signers, made with the
openssl command: from the stack's demo CA (its `openssl ca` database,
which the demo OCSP responder answers from), or from a CA nobody
trusts; ECDSA, RSA or GOST keys."""

import base64
import os
import subprocess

GOST = ["-engine", "gost"]
KEYS = {"ec": ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256"],
        "rsa": ["-newkey", "rsa:2048"], "rsa1024": ["-newkey", "rsa:1024"],
        "gost": GOST + ["-newkey", "gost2012_256", "-pkeyopt", "paramset:A"]}
SIGNING = "critical,digitalSignature,nonRepudiation"


def run(*args):
    return subprocess.run(["openssl", *map(str, args)], check=True, capture_output=True)


def signature_value(der):
    """The SignerInfo's signature value of a DER CMS signed-data: what a
    time-stamp covers (CAdES-T)."""
    def tlv(b, i):
        tag, n = b[i], b[i + 1]
        i += 2
        if n & 0x80:
            k = n & 0x7F
            n, i = int.from_bytes(b[i:i + k], "big"), i + k
        return tag, b[i:i + n], i + n

    def items(b):
        i, out = 0, []
        while i < len(b):
            tag, v, i = tlv(b, i)
            out.append((tag, v))
        return out

    _, ci, _ = tlv(der, 0)
    signed = items(items(ci)[1][1])[0][1]          # [0] EXPLICIT SignedData
    signer_info = items(items(signed)[-1][1])[0][1]  # the one SignerInfo
    return next(v for tag, v in items(signer_info) if tag == 0x04)


class Pki:
    def __init__(self, stack, folder):
        self.dir = folder
        self.n = 0
        self.env = stack.env
        self.cnf = stack.data / "ca" / "ca.cnf"
        self.crl_file = stack.data / "crl.pem"
        self.demo = (stack.data / "ca.pem", stack.data / "ca.key")
        rogue_key, rogue = folder / "rogue.key", folder / "rogue.pem"
        run("req", "-x509", *KEYS["ec"], "-nodes", "-keyout", rogue_key, "-out", rogue,
            "-days", "30", "-subj", "/CN=Rogue CA",
            "-addext", "basicConstraints=critical,CA:TRUE",
            "-addext", "keyUsage=critical,keyCertSign,cRLSign")
        self.rogue = (rogue, rogue_key)

    def ocsp_url(self, port=None):
        return f"http://127.0.0.1:{port or self.env['BQ_OCSP_PORT']}"

    def cert(self, serial_number, ca=None, start="20250101000000Z", end="20350101000000Z",
             key="ec", usage=SIGNING, ocsp=None, unit=None, registered=True):
        """A certificate whose subject serialNumber is serial_number (and
        OU unit), from the demo CA's database unless registered is false
        (then its responder does not know it) or ca is another CA."""
        self.n += 1
        engine = GOST if key == "gost" else []
        k, csr, cert, ext = (self.dir / f"s{self.n}.{x}" for x in ("key", "csr", "pem", "ext"))
        subject = f"/C=KZ/CN=Signer {self.n}" + (f"/OU={unit}" if unit else "")
        run("req", *engine, "-new", *KEYS[key], "-nodes", "-keyout", k, "-out", csr,
            "-subj", f"{subject}/serialNumber={serial_number}")
        lines = ["basicConstraints = CA:FALSE",
                 f"authorityInfoAccess = OCSP;URI:{ocsp or self.ocsp_url()}"]
        if usage:
            lines.append(f"keyUsage = {usage}")
        ext.write_text("[x]\n" + "\n".join(lines) + "\n")
        if ca is None and registered:
            run("ca", *engine, "-batch", "-config", self.cnf, "-in", csr, "-out", cert,
                "-notext", "-preserveDN", "-startdate", start, "-enddate", end,
                "-extfile", ext, "-extensions", "x")
        else:
            ca_cert, ca_key = ca or self.demo
            run("x509", *engine, "-req", "-in", csr, "-CA", ca_cert, "-CAkey", ca_key,
                "-set_serial", str(int.from_bytes(os.urandom(8), "big")), "-days", "30",
                "-out", cert, "-extfile", ext, "-extensions", "x")
        serial = subprocess.run(["openssl", "x509", "-in", str(cert), "-noout", "-serial"],
                                check=True, capture_output=True, text=True).stdout
        return cert, k, serial.strip().split("=")[1]

    def revoke(self, cert):
        run("ca", "-config", self.cnf, "-revoke", cert)

    def publish_crl(self):
        """The demo CA's CRL, where the stack's BQ_CRL_FILE points."""
        run("ca", "-config", self.cnf, "-gencrl", "-out", self.crl_file)

    def sign(self, data, cert, key, gost=False, raw=False):
        """A detached DER CMS signature of data, in base64 (raw: DER)."""
        self.n += 1
        src, out = self.dir / f"d{self.n}.bin", self.dir / f"d{self.n}.p7s"
        src.write_bytes(data)
        run("cms", *(GOST + ["-md", "md_gost12_256"] if gost else []), "-sign", "-binary",
            "-in", src, "-signer", cert, "-inkey", key, "-outform", "DER", "-out", out)
        der = out.read_bytes()
        return der if raw else base64.b64encode(der).decode()
