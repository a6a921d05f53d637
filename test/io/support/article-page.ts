/**
 * A provincial news page around an article's text, for tests and the benchmark: the furniture of
 * the fixture pages (menus, date line, share tools, a related-news box naming other provinces,
 * comments, footer) and the page's metadata (`og:*`, `article:published_time`, JSON-LD).
 */

export type ArticlePage = {
  title: string;
  paragraphs: string[];
  publishedAt?: string;
  author?: string;
  siteName?: string;
  /** The page's canonical link, when it has one. */
  canonical?: string;
};

const escape = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The page's HTML. */
export function articlePage(page: ArticlePage): string {
  const site = page.siteName ?? 'Liên minh Hợp tác xã tỉnh Đắk Nông';
  const jsonLd = { '@context': 'https://schema.org', '@type': 'NewsArticle', headline: page.title, ...(page.publishedAt ? { datePublished: `${page.publishedAt}T08:00:00+07:00` } : {}), ...(page.author ? { author: { '@type': 'Person', name: page.author } } : {}) };
  return `<!DOCTYPE html>
<html lang="vi"><head><meta charset="utf-8">
<title>${escape(page.title)} - ${escape(site)}</title>
${page.canonical ? `<link rel="canonical" href="${escape(page.canonical)}">` : ''}
<meta property="og:type" content="article"><meta property="og:site_name" content="${escape(site)}"><meta property="og:title" content="${escape(page.title)}">
${page.publishedAt ? `<meta property="article:published_time" content="${page.publishedAt}T08:00:00+07:00">` : ''}
<script type="application/ld+json">${JSON.stringify(jsonLd)}</script>
</head><body>
<header id="header"><a class="logo" href="/">${escape(site.toUpperCase())}</a></header>
<nav id="main-menu"><ul class="menu"><li><a href="/">Trang chủ</a></li><li><a href="/tin-tuc">Tin tức - Sự kiện</a></li><li><a href="/van-ban">Văn bản</a></li><li><a href="/lien-he">Liên hệ</a></li></ul></nav>
<div id="main"><div class="breadcrumb"><a href="/">Trang chủ</a> » <a href="/tin-tuc">Tin tức</a></div>
<div class="news-detail">
<h1 class="news-title">${escape(page.title)}</h1>
<div class="news-meta"><span class="date">${page.publishedAt ?? ''}</span> <span class="views">Lượt xem: 312</span></div>
<div class="share-tools"><a href="#">Chia sẻ Facebook</a> <a href="#">Zalo</a> <a href="#">In bài</a></div>
<div class="news-content">
${page.paragraphs.map((p) => `<p>${escape(p)}</p>`).join('\n')}
${page.author ? `<p class="author">${escape(page.author)}</p>` : ''}
</div>
<div class="box-tinlienquan"><h3>Tin liên quan</h3><ul>
<li><a href="/tin-tuc/gia-lai-ky-ket-1.html">Liên minh HTX tỉnh Gia Lai ký kết phối hợp với Ngân hàng Chính sách xã hội tỉnh Gia Lai</a></li>
<li><a href="/tin-tuc/kon-tum-tap-huan-2.html">Sở Nông nghiệp và Phát triển nông thôn tỉnh Kon Tum tập huấn cho cán bộ hợp tác xã</a></li>
</ul></div>
<div class="box-comment"><h3>Bình luận</h3><p class="comment-text">Đề nghị Sở Tài chính tỉnh Bình Phước học tập cách làm này.</p></div>
</div></div>
<footer id="footer"><p>© Bản quyền thuộc ${escape(site)}. Địa chỉ: thành phố Gia Nghĩa.</p></footer>
</body></html>`;
}
