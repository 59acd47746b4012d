import json, os, shutil, struct
ROOT='tests/bad-input'
D='2024-05-06'
SCAN=open('tests/fixtures/images/scan-a.jpg','rb').read()
PHOTO=open('tests/fixtures/images/photo.png','rb').read()
ALPHA='''---
kicker: 春耕时节
headline: 全市春耕生产有序推进
byline: 记者 王芳
mark: ②3
figures:
  - file: photos/field.png
    caption: 农民在田间播种
area: [0.05, 0.05, 0.4, 0.3]
---

春耕时节，全市各地抓住有利天气，有序推进春耕生产。

### 农资供应充足

全市农资储备充足，价格总体平稳。
'''
BETA='''---
headline: 图书馆延长开放时间
area: [0.55, 0.05, 0.4, 0.6]
---

市图书馆自本周起延长开放时间。
'''
GAMMA='''---
headline: 社区开展义诊活动
---

社区卫生服务中心开展义诊活动。
'''
def base():
    return {
      f'editions/{D}/edition.yml': 'issue: 30001\n',
      f'editions/{D}/01/page.yml': 'section: 要闻\n',
      f'editions/{D}/01/page.jpg': SCAN,
      f'editions/{D}/01/photos/field.png': PHOTO,
      f'editions/{D}/01/01-chungeng.md': ALPHA,
      f'editions/{D}/01/02-tushuguan.md': BETA,
      f'editions/{D}/02/page.yml': 'section: 综合\n',
      f'editions/{D}/02/01-yizhen.md': GAMMA,
    }
A=f'editions/{D}/01/01-chungeng.md'
B=f'editions/{D}/01/02-tushuguan.md'
G=f'editions/{D}/02/01-yizhen.md'
P1=f'editions/{D}/01/page.yml'
cases=[]
def case(name, expect, message, file, mutate, line=None, field=None, absent=None, present=None, note=''):
    files=base(); symlinks={}
    r=mutate(files, symlinks)
    meta=dict(expect=expect, message=message, file=file, line=line, field=field, absent=absent or [], present=present or [])
    if note=='absentPdf': meta['absentPdf']=ACTIVE
    elif note: meta['note']=note
    cases.append((name, files, symlinks, meta))
def sub(path, old, new):
    def m(f, s):
        assert old in (f[path] if isinstance(f[path], str) else ''), (path, old)
        f[path]=f[path].replace(old, new, 1)
    return m
def setf(path, content):
    def m(f, s): f[path]=content
    return m
def rm(path):
    def m(f, s): del f[path]
    return m
def chain(*ms):
    def m(f, s):
        for x in ms: x(f, s)
    return m
jpeg_bomb=bytearray(SCAN)
i=jpeg_bomb.find(b'\xff\xc0')
if i<0: i=jpeg_bomb.find(b'\xff\xc2')
struct.pack_into('>HH', jpeg_bomb, i+5, 30000, 30000)

case('01-malformed-yaml','error','invalid YAML',A, sub(A,'headline: 全市春耕生产有序推进','headline: "全市春耕生产有序推进'), line=None)
case('02-missing-headline','error','front matter "headline": is required',A, sub(A,'headline: 全市春耕生产有序推进\n',''))
case('03-unknown-key-typo','error','front matter "subtilte": unknown key: did you mean "subtitle"?',A, sub(A,'byline: 记者 王芳','subtilte: ——副题'), line=4)
case('04-wrong-type','error','front matter "headline": expected text, got a list',A, sub(A,'headline: 全市春耕生产有序推进','headline: [全市, 春耕]'))
case('05-page-yml-typo','error','front matter "sectoin": unknown key: did you mean "section"?',P1, setf(P1,'sectoin: 要闻\n'))
case('06-empty-file','error','the file is empty',A, setf(A,''))
case('07-only-front-matter','warning','the article has no text and no figures',G, setf(G,'---\nheadline: 社区开展义诊活动\n---\n'))
case('08-non-utf8','error','the file is not UTF-8 text',G, setf(G, GAMMA.encode('gb18030')))
case('09-bom','ok','',G, setf(G, '\ufeff'+GAMMA), present=['社区卫生服务中心开展义诊活动。'])
case('10-windows-line-endings','ok','',A, setf(A, ALPHA.replace('\n','\r\n')), present=['<h2>农资供应充足</h2>','春耕时节，全市各地'])
case('11-duplicate-page-numbers','error','two page folders have page number 2',f'editions/{D}/2-zonghe', lambda f,s: f.update({f'editions/{D}/2-zonghe/page.yml':'section: 综合\n'}))
case('12-gap-in-page-order','warning','page order has a gap: 01 is followed by 03',f'editions/{D}', lambda f,s: [f.update({f'editions/{D}/03/'+k.split('/02/')[1]: f[k]}) or None for k in list(f) if '/02/' in k] and [f.pop(k) for k in list(f) if f'/{D}/02/' in k])
case('13-story-missing-part','error','story "chungeng" has a part missing: no article on page 02 has "story: chungeng"',A, sub(A,'area: [0.05, 0.05, 0.4, 0.3]','area: [0.05, 0.05, 0.4, 0.3]\nstory: chungeng\ncontinued_on: "02"'))
case('14-story-two-first-parts','error','story "chungeng" has two first parts',G, chain(sub(A,'area: [0.05, 0.05, 0.4, 0.3]','area: [0.05, 0.05, 0.4, 0.3]\nstory: chungeng'), sub(G,'headline: 社区开展义诊活动','headline: 社区开展义诊活动\nstory: chungeng')))
case('15-story-cycle','error','story "chungeng" goes round in a circle',A, chain(sub(A,'area: [0.05, 0.05, 0.4, 0.3]','area: [0.05, 0.05, 0.4, 0.3]\nstory: chungeng\ncontinued_from: "02"\ncontinued_on: "02"'), sub(G,'headline: 社区开展义诊活动','headline: 社区开展义诊活动\nstory: chungeng\ncontinued_from: "01"\ncontinued_on: "01"')))
case('16-area-wrong-arity','error','front matter "area": expected 4 numbers [x, y, width, height], got 3',A, sub(A,'area: [0.05, 0.05, 0.4, 0.3]','area: [0.05, 0.05, 0.4]'))
case('17-area-outside-page','error','front matter "area": the area reaches outside the page',A, sub(A,'area: [0.05, 0.05, 0.4, 0.3]','area: [0.75, 0.05, 0.4, 0.3]'))
case('18-figure-missing','error','front matter "figures[0].file": "photos/nope.png" does not exist',A, sub(A,'photos/field.png','photos/nope.png'))
case('19-figure-corrupt','error','front matter "figures[0].file": "photos/field.png": not a readable image',A, setf(f'editions/{D}/01/photos/field.png', bytes(range(256))*8))
case('20-figure-zero-bytes','error','front matter "figures[0].file": "photos/field.png": the file is empty (0 bytes)',A, setf(f'editions/{D}/01/photos/field.png', b''))
case('21-figure-lying-extension','error','the file\'s name says ".jpg" but it is a PNG image: rename it to .png',A, chain(sub(A,'photos/field.png','photos/field.jpg'), lambda f,s: f.update({f'editions/{D}/01/photos/field.jpg': PHOTO})))
case('22-decompression-bomb','error','30000 × 30000 pixels is over the limit of 120 MP',A, chain(sub(A,'photos/field.png','photos/huge.jpg'), lambda f,s: f.update({f'editions/{D}/01/photos/huge.jpg': bytes(jpeg_bomb)})))
case('23-path-traversal','error','front matter "figures[0].file": "../../../../../etc/passwd" points outside the edition folder',A, sub(A,'photos/field.png','../../../../../etc/passwd'))
case('24-symlink-escape','error','front matter "figures[0].file": "photos/escape.png" is a link to a file outside the edition folder',A, chain(sub(A,'photos/field.png','photos/escape.png'), lambda f,s: s.update({f'editions/{D}/01/photos/escape.png':'/etc/hostname'})))
case('25-edition-folder-not-a-date','error','edition folder "2024-5-7" is not a real date',"editions/2024-5-7", lambda f,s: f.update({'editions/2024-5-7/01/page.yml':'section: 要闻\n'}))
case('26-edition-impossible-date','error','edition folder "2023-02-30" is not a real date',"editions/2023-02-30", lambda f,s: f.update({'editions/2023-02-30/01/page.yml':'section: 要闻\n'}))
case('27-huge-article','ok','',G, setf(G, GAMMA + ('社区卫生服务中心开展义诊活动，居民排队问诊。' * 2 + '\n\n') * 7800), present=['居民排队问诊'])
case('28-script-in-markdown','ok','',G, setf(G, GAMMA+'\n<script>alert("x")</script>\n\n段落<img src=x onerror=alert(1)>结束\n'), absent=['<script>alert','<img src=x onerror'], present=['&lt;script&gt;alert'])
case('29-javascript-link','ok','',G, setf(G, GAMMA+'\n[点击这里](javascript:alert(1)) 和 [另一个](JAVASCRIPT:alert(2))\n'), absent=['href="javascript:','href="JAVASCRIPT:'])
case('30-html-in-front-matter','ok','',G, setf(G, '---\nheadline: "<script>alert(1)</script>标题"\nkicker: "<img src=x onerror=alert(1)>"\nbyline: "\\" onmouseover=\\"alert(1)"\n---\n\n正文。\n'), absent=['<script>alert(1)</script>标题','<img src=x onerror','" onmouseover="alert(1)'], present=['&lt;script&gt;alert(1)&lt;/script&gt;标题'])
case('31-continuation-page-not-in-edition','warning','page 04 is not in this edition: "下转第四版" is shown without a link',A, sub(A,'area: [0.05, 0.05, 0.4, 0.3]','area: [0.05, 0.05, 0.4, 0.3]\nstory: chungeng\ncontinued_on: "04"'))
case('32-scan-missing','error','front matter "scan": "page.png" does not exist',P1, setf(P1,'section: 要闻\nscan: page.png\n'))
case('33-scan-truncated','error','front matter "scan": the image is damaged',P1, setf(f'editions/{D}/01/page.jpg', SCAN[:len(SCAN)//2]))
case('34-unsupported-format','error','"gif" images are not supported',A, chain(sub(A,'photos/field.png','photos/anim.gif'), lambda f,s: f.update({f'editions/{D}/01/photos/anim.gif': b'GIF89a\x01\x00\x01\x00\x80\x00\x00\x00\x00\x00\xff\xff\xff!\xf9\x04\x01\x00\x00\x00\x00,\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02D\x01\x00;'})))
case('35-page-without-page-yml','error','missing: every page folder needs a page.yml',f'editions/{D}/02/page.yml', rm(f'editions/{D}/02/page.yml'))
case('36-bad-article-file-name','error','article file name must be NN-slug.md',f'editions/{D}/02/Yi Zhen.md', chain(rm(G), lambda f,s: f.update({f'editions/{D}/02/Yi Zhen.md': GAMMA})))
case('37-story-key-missing','error','a continued article needs a "story" key shared by all its parts',A, sub(A,'area: [0.05, 0.05, 0.4, 0.3]','area: [0.05, 0.05, 0.4, 0.3]\ncontinued_on: "02"'))
case('38-overlapping-areas','warning','overlap',A, sub(B,'area: [0.55, 0.05, 0.4, 0.6]','area: [0.3, 0.05, 0.4, 0.6]'))

# Issue 15 §4: what a new user got a stack trace (or a broken page) for, and its neighbours.
def tiny_pdf():
    objs=[b'<< /Type /Catalog /Pages 2 0 R >>', b'<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
          b'<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>']
    stream=b'0.5 g 50 50 495 742 re f\n'*40
    objs.append(b'<< /Length %d >>\nstream\n' % len(stream) + stream + b'endstream')
    out=bytearray(b'%PDF-1.4\n'); offsets=[]
    for i,o in enumerate(objs, 1):
        offsets.append(len(out)); out+=b'%d 0 obj\n' % i + o + b'\nendobj\n'
    xref=len(out)
    out+=b'xref\n0 %d\n0000000000 65535 f \n' % (len(objs)+1)
    for off in offsets: out+=b'%010d 00000 n \n' % off
    out+=b'trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n' % (len(objs)+1, xref)
    return bytes(out)
PDF=tiny_pdf()
E=f'editions/{D}'
case('39-duplicate-slug','error','two articles have the slug "tushuguan"',f'{E}/01/06-tushuguan.md', setf(f'{E}/01/06-tushuguan.md', BETA.replace('area: [0.55, 0.05, 0.4, 0.6]\n','')))
case('40-folder-named-like-article','error','"07-folder.md" is a folder, not an article file',f'{E}/02/07-folder.md', setf(f'{E}/02/07-folder.md/notes.txt','草稿\n'))
case('41-body-image-other-site','error','the image "http://example.com/x.png" is on another site',G, setf(G, GAMMA+'\n![现场](http://example.com/x.png)\n'), line=7)
case('42-body-image-protocol-relative','error','the image "//cdn.example.com/x.png" is on another site',G, setf(G, GAMMA+'\n![现场](//cdn.example.com/x.png)\n'), line=7)
case('43-body-image-data-uri','error','an image written into the text (data:) is not allowed',G, setf(G, GAMMA+'\n![现场](data:image/png;base64,iVBORw0KGgo=)\n'), line=7)
case('44-body-image-local','error','the image "photos/field.png" is in the body: pictures are listed under "figures"',A, sub(A,'全市农资储备充足','![田间](photos/field.png)\n\n全市农资储备充足'))
case('45-figure-other-site','error','front matter "figures[0].file": "https://example.com/field.png" is not a file in the edition',A, sub(A,'photos/field.png','https://example.com/field.png'))
case('46-scan-other-site','error','front matter "scan": "//img.example.com/01.jpg" is not a file in the edition',P1, setf(P1,'section: 要闻\nscan: //img.example.com/01.jpg\n'))
case('47-pdf-cut-off-beside-scan','error','front matter "pdf": "page.pdf": the PDF is cut off',P1, setf(f'{E}/01/page.pdf', PDF[:len(PDF)//2]))
case('48-pdf-not-a-pdf','error','front matter "pdf": "page.pdf": not a PDF',P1, setf(f'{E}/01/page.pdf', SCAN))
case('49-two-page-folders-one-label','error','two page folders have page number 2: "02" and "02-zonghe"',f'{E}/02-zonghe', lambda f,s: f.update({f'{E}/02-zonghe/page.yml':'section: 综合\n'}))
case('50-page-folder-is-a-file','error','"03" is a file, not a page folder',f'{E}/03', setf(f'{E}/03','section: 文体\n'))
case('51-page-folder-link-outside','error','"03" is a link to /etc, outside the edition folder',f'{E}/03', lambda f,s: s.update({f'{E}/03':'/etc'}))
case('52-article-link-outside','error','"02-hostname.md" is a link to /etc/hostname, outside the edition folder',f'{E}/02/02-hostname.md', lambda f,s: s.update({f'{E}/02/02-hostname.md':'/etc/hostname'}))
case('53-article-link-to-nothing','error','"02-gone.md" is a link to something that does not exist',f'{E}/02/02-gone.md', lambda f,s: s.update({f'{E}/02/02-gone.md':'01-old.md'}))
case('54-edition-link-outside','error','"2024-05-07" is a link to /etc, outside editions/','editions/2024-05-07', lambda f,s: s.update({'editions/2024-05-07':'/etc'}))
case('55-page-yml-is-a-folder','error','it is a folder, not a file',f'{E}/02/page.yml', chain(rm(f'{E}/02/page.yml'), setf(f'{E}/02/page.yml/section.txt','综合\n')))
case('56-link-to-local-file-outside','error','the link "../../../../etc/passwd" points to a file, outside the edition folder',G, setf(G, GAMMA+'\n[附件](../../../../etc/passwd)\n'), line=7)
case('57-link-to-local-file','error','the link "photos/field.pdf" points to a file, which is not published',G, setf(G, GAMMA+'\n[原文](photos/field.pdf)\n'), line=7)
case('58-web-links-and-site-links','ok','',G, setf(G, GAMMA+'\n[市政府网站](https://example.gov.cn/) 和 [上一版](/2024-05-06/01/)\n'), present=['href="https://example.gov.cn/"'])

# Two files that would claim one address by case or by script: a slug is lowercase ASCII, so neither can.
case('59-slug-upper-case','error','article file name must be NN-slug.md',f'{E}/01/03-Chungeng.md', setf(f'{E}/01/03-Chungeng.md', BETA.replace('area: [0.55, 0.05, 0.4, 0.6]\n','')))
case('60-slug-not-ascii','error','article file name must be NN-slug.md',f'{E}/02/02-义诊.md', setf(f'{E}/02/02-义诊.md', GAMMA))
case('61-page-label-lower-case','error','page folder "a01" is not a page label',f'{E}/a01', lambda f,s: f.update({f'{E}/a01/page.yml':'section: 要闻\n'}))
# Empty files where a page's files belong.
case('62-pdf-empty','error','front matter "pdf": "page.pdf": the PDF is empty (0 bytes)',P1, setf(f'{E}/01/page.pdf', b''))
case('63-page-yml-empty','error','front matter "section": is required',f'{E}/02/page.yml', setf(f'{E}/02/page.yml', ''))


# Issue 26: hostile and broken input — control characters, limits, dates, and page PDFs made to hurt.
def raw_pdf(objs, broken=False, trailer=b''):
    out=bytearray(b'%PDF-1.7\n%\xe2\xe3\xcf\xd3\n'); offsets=[]
    for i,o in enumerate(objs, 1):
        offsets.append(len(out))
        if isinstance(o, tuple):
            d, st = o
            out+=b'%d 0 obj\n' % i + d + b' /Length %d >>\nstream\n' % len(st) + st + b'\nendstream\nendobj\n'
        else:
            out+=b'%d 0 obj\n' % i + o + b'\nendobj\n'
    xref=len(out)
    out+=b'xref\n0 %d\n0000000000 65535 f \n' % (len(objs)+1)
    for off in offsets: out+=b'%010d 00000 n \n' % (off + (9 if broken else 0))
    out+=b'trailer\n<< /Size %d /Root 1 0 R %s>>\nstartxref\n%d\n%%%%EOF\n' % (len(objs)+1, trailer, xref)
    return bytes(out)
def page_pdf(pages=1, size=(595, 842), catalog=b'', page=b'', extra=(), broken=False, trailer=b'', resources=b'', ops=b''):
    n=len(extra); first=3; font=first+pages*2
    kids=b' '.join(b'%d 0 R' % (first+i*2) for i in range(pages))
    objs=[b'<< /Type /Catalog /Pages 2 0 R ' + catalog + b'>>', b'<< /Type /Pages /Kids [' + kids + b'] /Count %d >>' % pages]
    for i in range(pages):
        objs.append(b'<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %d %d] /Resources << /Font << /F1 %d 0 R >> %s>> /Contents %d 0 R %s>>' % (size[0], size[1], font, resources, first+i*2+1, page))
        objs.append((b'<<', ops + b'BT /F1 24 Tf 40 %d Td (Page %d) Tj ET' % (max(10, size[1]-60), i+1)))
    objs.append(b'<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>')
    objs.extend(extra)
    return raw_pdf(objs, broken, trailer)
X=6  # the first extra object's number in a one-page PDF (catalog, pages, page, content, font)
def forms(levels, each):
    # Form n draws form n+1 `each` times; the page draws form 1 once.
    objs=[]
    for k in range(levels):
        num=X+k
        if k+1 < levels:
            body=b' '.join([b'/F Do']*each); res=b'/Resources << /XObject << /F %d 0 R >> >>' % (num+1)
        else:
            body=b'0 0 1 1 re f'; res=b''
        objs.append((b'<< /Type /XObject /Subtype /Form /BBox [0 0 10 10] ' + res, body))
    return objs
def with_pdf(data, field_yml='section: 要闻\n'):
    return lambda f,s: f.update({f'{E}/01/page.pdf': data, P1: field_yml})
def pdf_with_content(extra_ops, resources, extra):
    return page_pdf(resources=resources, extra=extra, ops=extra_ops + b' ')
ENC=b'/Encrypt << /Filter /Standard /V 1 /R 2 /O <' + b'11'*32 + b'> /U <' + b'22'*32 + b'> /P -4 >> /ID [<0123456789abcdef0123456789abcdef> <0123456789abcdef0123456789abcdef>] '
alias_bomb='---\nheadline: 社区开展义诊活动\nfigures:\n  - file: photos/field.png\n    caption: &a "' + '义诊'*100 + '"\n' + ''.join(f'  - {{ file: photos/field.png, caption: *a }}\n' for _ in range(300)) + '---\n\n正文。\n'
case('64-control-esc-in-headline','error','a control character (U+001B ESC) is in the text',G, sub(G,'headline: 社区开展义诊活动','headline: 社区开展\x1b[31m义诊活动'), line=2)
case('65-control-nul-in-body','error','a control character (U+0000 NUL) is in the text',G, sub(G,'社区卫生服务中心','社区卫生\x00服务中心'), line=5)
case('66-control-form-feed-in-body','error','a control character (U+000C FF (form feed)) is in the text',A, sub(A,'全市农资储备充足','全市农资\x0c储备充足'), line=16)
case('67-control-vertical-tab-in-page-yml','error','a control character (U+000B VT (vertical tab)) is in the text',P1, setf(P1,'section: 要\x0b闻\n'), line=1)
case('68-control-escaped-in-yaml','error','a control character (U+001B ESC) is in the text',G, sub(G,'headline: 社区开展义诊活动','headline: "社区开展\\x1b义诊活动"'), field='headline')
case('69-control-del-in-kicker','error','a control character (U+007F DEL) is in the text',A, sub(A,'kicker: 春耕时节','kicker: 春耕\x7f时节'), line=2)
case('70-control-c1-in-byline','error','a control character (U+0085) is in the text',A, sub(A,'byline: 记者 王芳','byline: 记者\u0085王芳'), line=4)
case('71-control-escaped-in-correction','error','a control character (U+0007) is in the text',G, sub(G,'headline: 社区开展义诊活动','headline: 社区开展义诊活动\ncorrection: { time: 2024-05-06 10:30, text: "原文\\a有误" }'), field='correction.text')
case('72-control-escaped-in-caption','error','a control character (U+000C FF (form feed)) is in the text',A, sub(A,'caption: 农民在田间播种','caption: "农民\\f在田间播种"'), field='figures[0].caption')
case('73-yaml-alias-bomb','error','the front matter repeats itself through YAML aliases',G, setf(G, alias_bomb))
case('74-yaml-alias-bomb-in-page-yml','error','the front matter repeats itself through YAML aliases',P1, setf(P1, 'section: &s "' + '要闻'*2000 + '"\neditor: [' + ', '.join(['*s']*50) + ']\n'))
case('75-front-matter-too-large','error','over the limit of 64 KB',G, setf(G, '---\nheadline: 社区开展义诊活动\nkicker: "' + '长'*30000 + '"\n---\n\n正文。\n'))
case('76-area-too-many-points','error','a polygon has at most 500 points',A, sub(A,'area: [0.05, 0.05, 0.4, 0.3]','area: [' + ', '.join(f'[{0.05+0.3*i/2000:.5f}, {0.05 if i%2 else 0.06}]' for i in range(2000)) + ', [0.35, 0.3], [0.05, 0.3]]'), field='area')
case('77-too-many-articles-on-page','error','the page has 201 articles, over the limit of 200',f'{E}/02', lambda f,s: f.update({f'{E}/02/{i:03d}-jianxun-{i}.md': f'---\nheadline: 简讯{i}\n---\n\n简讯。\n' for i in range(2, 202)}))
case('78-column-name-too-long','error','is too long for a name (at most 40 characters)',G, sub(G,'headline: 社区开展义诊活动','headline: 社区开展义诊活动\ncolumn: ' + '创建全国文明城市'*12), field='column')
case('79-section-name-too-long','error','is too long for a name (at most 40 characters)',P1, setf(P1,'section: ' + '要闻综合'*23 + '\n'), field='section')
case('80-edition-year-9999','error','edition folder "9999-12-31" is outside the years an edition can have','editions/9999-12-31', lambda f,s: f.update({'editions/9999-12-31/01/page.yml':'section: 要闻\n'}))
case('81-edition-year-0001','error','edition folder "0001-01-01" is outside the years an edition can have','editions/0001-01-01', lambda f,s: f.update({'editions/0001-01-01/01/page.yml':'section: 要闻\n'}))
case('82-edition-month-13','error','edition folder "2024-13-01" is not a real date','editions/2024-13-01', lambda f,s: f.update({'editions/2024-13-01/01/page.yml':'section: 要闻\n'}))
case('83-pdf-password','error','front matter "pdf": "page.pdf": the PDF is protected by a password',P1, with_pdf(page_pdf(trailer=ENC)))
case('84-pdf-three-pages','error','front matter "pdf": "page.pdf": the PDF has 3 pages',P1, with_pdf(page_pdf(pages=3)))
case('85-pdf-no-pages','error','front matter "pdf": "page.pdf": the PDF has no pages',P1, with_pdf(page_pdf(pages=0)))
case('86-pdf-strip-10-by-20000','error','the page is 10 × 20000 pt',P1, with_pdf(page_pdf(size=(10, 20000))))
case('87-pdf-twenty-times-size','error','the page is 11900 × 16840 pt',P1, with_pdf(page_pdf(size=(11900, 16840)) if False else page_pdf(size=(11900, 16840))))
case('88-pdf-junk-after-header','error','front matter "pdf": "page.pdf": the PDF',P1, with_pdf(b'%PDF-1.7\n' + bytes((i*7919 + 13) % 251 for i in range(2_000_000)) + b'\nstartxref\n0\n%%EOF\n'))
case('89-pdf-broken-xref','error','the PDF is damaged (MuPDF had to repair it)',P1, with_pdf(page_pdf(broken=True)))
case('90-pdf-nested-forms-explode','error','draws more than 100,000 nested drawings',P1, with_pdf(pdf_with_content(b'/F Do', b'/XObject << /F %d 0 R >> ' % X, forms(20, 2))))
case('91-pdf-form-draws-itself','error','has a drawing that draws itself',P1, with_pdf(pdf_with_content(b'/F Do', b'/XObject << /F %d 0 R >> ' % X, [(b'<< /Type /XObject /Subtype /Form /BBox [0 0 10 10] /Resources << /XObject << /F %d 0 R >> >>' % X, b'/F Do')])))
case('92-pdf-forms-too-deep','error','nests drawings inside drawings more than 24 deep',P1, with_pdf(pdf_with_content(b'/F Do', b'/XObject << /F %d 0 R >> ' % X, forms(40, 1))))
ACTIVE=['/JavaScript','/Launch','javascript:','/EmbeddedFile','calc.exe']
case('93-pdf-javascript-on-open','warning','"page.pdf": removed what a reader\'s PDF viewer would run or open: JavaScript',P1, with_pdf(page_pdf(catalog=b'/OpenAction %d 0 R ' % X, extra=[b'<< /S /JavaScript /JS (app.alert(1)) >>'])), note='absentPdf')
case('94-pdf-launch-on-page-open','warning','"page.pdf": removed what a reader\'s PDF viewer would run or open: actions run when the page is opened or closed',P1, with_pdf(page_pdf(page=b'/AA << /O << /S /Launch /F (calc.exe) >> >> ')), note='absentPdf')
case('95-pdf-javascript-link','warning','"page.pdf": removed what a reader\'s PDF viewer would run or open: a link to "javascript:alert(1)"',P1, with_pdf(page_pdf(page=b'/Annots [%d 0 R] ' % X, extra=[b'<< /Type /Annot /Subtype /Link /Rect [0 0 100 100] /A << /S /URI /URI (javascript:alert(1)) >> >>'])), note='absentPdf')
case('96-pdf-embedded-file','warning','"page.pdf": removed what a reader\'s PDF viewer would run or open: embedded files',P1, with_pdf(page_pdf(catalog=b'/Names << /EmbeddedFiles << /Names [(calc.exe) %d 0 R] >> >> ' % X, extra=[b'<< /Type /Filespec /F (calc.exe) /EF << /F %d 0 R >> >>' % (X+1), (b'<< /Type /EmbeddedFile', b'MZ not really a program')])), note='absentPdf')
case('97-pdf-unused-javascript','warning','"page.pdf": removed unused objects holding scripts, actions or embedded files',P1, with_pdf(page_pdf(extra=[b'<< /S /JavaScript /JS (app.alert(1)) >>'])), note='absentPdf')
case('98-too-many-pages','error','the edition has 501 pages, over the limit of 500',f'editions/{D}', lambda f,s: f.update({f'{E}/{i:03d}/page.yml': 'section: 广告\n' for i in range(3, 502)}))

shutil.rmtree(ROOT+'/cases', ignore_errors=True)
shutil.rmtree(ROOT+'/base', ignore_errors=True)
for p,c in base().items():
    full=os.path.join(ROOT,'base',p); os.makedirs(os.path.dirname(full), exist_ok=True)
    open(full,'wb').write(c.encode('utf-8') if isinstance(c,str) else c)
for name, files, symlinks, meta in cases:
    d=os.path.join(ROOT,'cases',name)
    for p,c in files.items():
        full=os.path.join(d,p); os.makedirs(os.path.dirname(full), exist_ok=True)
        open(full,'wb').write(c.encode('utf-8') if isinstance(c,str) else c)
    for p,t in symlinks.items():
        full=os.path.join(d,p); os.makedirs(os.path.dirname(full), exist_ok=True); os.symlink(t, full)
    meta={k:v for k,v in meta.items() if v not in (None,[],'')}
    json.dump(meta, open(os.path.join(d,'case.json'),'w'), ensure_ascii=False, indent=2)
print(len(cases))
