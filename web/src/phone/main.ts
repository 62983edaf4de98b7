/** The phone pages' entry (/m/): the polyfills first, then the app. */
import './polyfills'
import { createApp } from 'vue'
import App from './App.vue'
import { router } from './router'
import './phone.css'

createApp(App).use(router).mount('#app')
