import csv, re, random, json, glob, os, hashlib
import xml.etree.ElementTree as ET
csv.field_size_limit(10**9)
random.seed(20240601)
ABBR = r'(?<!\bU\.S)(?<!\bMr)(?<!\bMrs)(?<!\bDr)(?<!\bSt)(?<!\bNo)(?<!\bJan)(?<!\bFeb)(?<!\bAug)(?<!\bSept)(?<!\bSep)(?<!\bOct)(?<!\bNov)(?<!\bDec)(?<!\bGen)(?<!\bLt)(?<!\bCol)(?<!\bU\.K)(?<!\bU\.N)(?<!\bJr)(?<!\bvs)(?<!\bInc)(?<!\bCo)(?<!\b[A-Z])'
SPLIT = re.compile(ABBR + r'(?<=[.!?])["”’\']?\s+(?=["“‘]?[A-Z0-9])')
def split_sents(text):
    out=[]
    for para in re.split(r'\n+', text):
        p = para.strip()
        if not p: continue
        start = 0
        for m in SPLIT.finditer(p):
            s = p[start:m.start()+ (len(m.group(0).rstrip()) if m.group(0).strip() else 0)].strip()
            out.append(p[start:m.end()].strip()); start = m.end()
        out.append(p[start:].strip())
    return [s for s in out if s]
KW = re.compile(r"\b(accus|critic|condemn|denounc|blam|alleg|arrest|detain|custody|charged|indict|sentenc|convict|jail|prison|protest|demonstrat|rall(y|ies)|strike|attack|kill|bomb|shot|shoot|gun|troops|soldier|militar|army|deploy|sanction|embargo|ban(ned|s)?\b|expel|deport|talks|met\b|meeting|meets|visit|agree|signed|sign\b|treaty|deal\b|ceasefire|truce|withdr|releas|resign|apolog|aid\b|donat|threat|warn|demand|call(ed|s)? (on|for)|urg|asked|request|reject|refus|veto|lawsuit|sue[ds]?\b|investigat|probe|police|court|judge|praise|endors|support|welcom|condol|raid|seiz|fined|fine\b|impeach|fired|dismiss|suspend|oppos|clash|riot|invad|occup|extradit|pardon|negotiat|summit|phone|called)", re.I)
def words(s): return len(s.split())
rows=[]
for f in ['wikinews_2019.csv','wikinews_2020.csv']:
    for r in csv.DictReader(open('/work/shared/data/wikinews_en/'+f)):
        sents=[s for s in split_sents(r['text']) if 8<=words(s)<=50 and not re.match(r'^(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),',s)]
        sents=[s for s in sents if s in r['text']]
        STRONG=re.compile(r"\b(accus|critici|condemn|denounc|blame|alleg|arrest|detain|charged|indict|sentenc|convict|jail|protest|demonstrat|rall(y|ies)|strikes?\b|attack|bomb|shot|shoot|troops|soldier|militar|army|deploy|sanction|embargo|ban(ned|s)?\b|expel|deport|talks|met with|meeting|visit|agree|signed|treaty|ceasefire|truce|withdr|releas|resign|apolog|aid\b|donat|threat|warn|demand|call(ed|s)? (on|for)|urg|request|reject|refus|veto|lawsuit|sue[ds]?\b|investigat|police|praise|endors|welcom|raid|seiz|impeach|suspend|oppos|clash|riot|invad|occup|extradit|pardon|negotiat|summit|government|minister|president|rebel|militant|officials?)\b", re.I)
        kw=[s for s in sents if len(set(m.group(0).lower() for m in STRONG.finditer(s)))>=2]; nk=[s for s in sents if not KW.search(s)]
        pol = len(kw)
        pick=[]
        random.shuffle(kw); random.shuffle(nk)
        n = 1 if pol<2 else (2 if pol<4 else (3 if pol<7 else 5))
        pick += kw[:n]
        if nk and random.random()<0.22: pick.append(nk[0])
        elif not kw and nk and random.random()<0.5: pick.append(nk[0])
        for s in pick: rows.append(dict(doc=r['url'],date=r['date'],text=s,src='wikinews'))
def detok(toks):
    """MEANTIME tokens -> sentence text: `` and '' become straight double quotes glued to the
    following/preceding token; no space before , . ; : ! ? % ) ] 's n't 're 've 'll 'd 'm and a lone ';
    no space after ( [ $."""
    out=''
    glue_next=False
    for t in toks:
        if t=='``':
            out += ('' if not out else ' ') + '"'; glue_next=True; continue
        if t=="''" or (t=='"'):
            out += '"'; continue
        if glue_next or not out:
            out += t; glue_next=False; continue
        if re.fullmatch(r"[,.;:!?%)\]}]|'s|'re|'ve|'ll|'d|'m|n't|'|\.\.\.", t):
            out += t
        else:
            out += ' ' + t
        if t in ('(','[','$'): glue_next=True
    return out
def mt_docs():
    for fn in sorted(glob.glob('/work/shared/data/meantime_en/corpus_*/*.xml')):
        root=ET.parse(fn).getroot()
        sents={}
        for t in root.iter('token'):
            sents.setdefault(int(t.get('sentence')),[]).append(t.text or '')
        dct=None
        for tx in root.iter('TIMEX3'):
            if tx.get('functionInDocument')=='CREATION_TIME': dct=tx.get('value')
        yield os.path.basename(fn), root.get('url'), dct, {k:detok(v) for k,v in sents.items()}
if __name__=='__main__':
    mrows=[]
    for name,url,dct,sents in mt_docs():
        ss=[s for k,s in sorted(sents.items()) if k>=2 and 8<=words(s)<=50]
        kw=[s for s in ss if KW.search(s)]; nk=[s for s in ss if not KW.search(s)]
        random.shuffle(kw); random.shuffle(nk)
        pick=kw[:1]+ (kw[1:2] if random.random()<0.4 else [])
        if nk and random.random()<0.25: pick.append(nk[0])
        for s in pick: mrows.append(dict(doc=name[:-4],date=dct,text=s,src='meantime'))
    allr=rows+mrows
    print(len(rows),len(mrows))
    with open('/tmp/ann/cands.jsonl','w') as f:
        for i,r in enumerate(allr): r['n']=i; f.write(json.dumps(r,ensure_ascii=False)+'\n')
