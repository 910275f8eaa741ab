import json, re, csv, glob, os, sys, hashlib, collections
sys.path.insert(0,'/work/main/corpus/events/en')
csv.field_size_limit(10**9)
D='/work/main/corpus/events/en/'
TYPES={'AGREE','CONSULT','SUPPORT','CONCEDE','COOPERATE','AID','RETREAT','REQUEST','ACCUSE','REJECT','THREATEN','PROTEST','SANCTION','MOBILIZE','COERCE','ASSAULT'}
SECT={'GOV','MIL','LEG','JUD','PTY','IGO','NGO','MED','BUS','REB','OPP','COP','CVL','REL','LAB','EDU','CRM'}
ISO=set('RUS USA POL GBR IRN DEU AFG PHL YEM AUS TUR ISR GRC HKG CHN TUN NGA BEN MEX PRI FRA SAU ZWE UKR IDN SYR KOR CAN CUB IRQ WSM SWE VAT ASM ITA EGY IND LBY BLR SRB JPN SVK PAK SUR TON BHS CYP NZL NOR ARE AZE ARM BDI AUT HUN CZE'.split())
wn={}
for f in glob.glob('/work/shared/data/wikinews_en/*.csv'):
    for r in csv.DictReader(open(f)): wn[r['url']]=r
from select_sentences import mt_docs
mt={name[:-4]:(dct or s[1],set(s.values())) for name,url,dct,s in mt_docs()}
ids=set(); n=0; errs=[]
for half in ('dev','test'):
    for line in open(D+half+'.jsonl'):
        r=json.loads(line); n+=1
        assert r['id'] not in ids; ids.add(r['id'])
        assert set(r)=={'id','doc','lang','date','country','text','events'}
        assert re.fullmatch(r'\d{4}-\d{2}-\d{2}',r['date']),r
        h=int(hashlib.sha1(r['doc'].encode()).hexdigest(),16)%2
        assert (half=='dev')==(h==0)
        if r['doc'] in wn: assert r['text'] in wn[r['doc']]['text'] and r['date']==wn[r['doc']]['date']
        else: assert r['text'] in mt[r['doc']][1], r['id']
        for e in r['events']:
            assert e['type'] in TYPES and isinstance(e['optional'],bool) and e['trigger'].lower() in r['text'].lower()
            assert e['source'] or e['target'], r['id']
            for side in ('source','target'):
                a=e[side]
                for x in ([] if a is None else a if isinstance(a,list) else [a]):
                    assert x['text'] in r['text'], (r['id'],x)
                    assert x['country'] is None or x['country'] in ISO, x
                    assert x['sector'] is None or x['sector'] in SECT, x
                    if x['sector']=='IGO': assert x['country'] is None and x.get('name'), (r['id'],x)
print('ok',n)
