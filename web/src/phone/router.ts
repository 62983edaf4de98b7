import { ref, watchEffect } from 'vue'
import { createRouter, createWebHistory } from 'vue-router'
import { followDocumentTitle, loadSiteMeta, siteTexts } from '@/shared/meta'
import HomePage from './views/HomePage.vue'
import { setShareMeta } from './shareMeta'

export const router = createRouter({
  history: createWebHistory('/m/'),
  routes: [
    { path: '/', name: 'home', component: HomePage, meta: {} },
    {
      path: '/in/:sessionId',
      name: 'sign-in',
      component: () => import('./views/SignInPage.vue'),
      meta: { title: '现场签到' },
    },
    {
      path: '/out/:sessionId',
      name: 'sign-out',
      component: () => import('./views/SignOutPage.vue'),
      meta: { title: '现场签退' },
    },
    {
      path: '/credits',
      name: 'credits',
      component: () => import('./views/CreditsPage.vue'),
      meta: { title: '个人年度学分查询', description: '输入身份证号码、姓名和年度，查看本年度已授予的继续医学教育学分和电子证书。' },
    },
    {
      path: '/certificates',
      name: 'certificates',
      component: () => import('./views/CertificateQueryPage.vue'),
      meta: { title: '学员证书查询', description: '输入项目编号、姓名和身份证号码，查询、查看并下载本人的继续医学教育学分证书。' },
    },
    {
      path: '/verify/:code',
      name: 'certificate',
      component: () => import('./views/CertificatePage.vue'),
      meta: { title: '证书验证', description: '继续医学教育学分证书验证：查看证书是否真实有效及证书内容。' },
    },
    {
      path: '/:pathMatch(.*)*',
      name: 'not-found',
      component: () => import('./views/NotFoundPage.vue'),
      meta: { title: '页面不存在' },
    },
  ],
})

// document.title: the page, then the stage's configured phone title (GET /api/meta).
const pageTitle = ref<string | undefined>()
const pageDescription = ref<string | undefined>()
const { phoneTitle } = siteTexts()
followDocumentTitle(pageTitle, phoneTitle)
// A shared link's description and Open Graph tags, after document.title (the effect above runs first).
watchEffect(() => {
  void [pageTitle.value, phoneTitle.value]
  setShareMeta(document.title, pageDescription.value)
})

router.afterEach((to) => {
  pageTitle.value = to.meta.title as string | undefined
  pageDescription.value = to.meta.description as string | undefined
  void loadSiteMeta()
})
