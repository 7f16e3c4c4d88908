/*
 * Copyright Camunda Services GmbH and/or licensed to Camunda Services GmbH
 * under one or more contributor license agreements. See the NOTICE file
 * distributed with this work for additional information regarding copyright
 * ownership. Camunda licenses this file to you under the Apache License,
 * Version 2.0; you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     http://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

// Tasklist's date pickers (follow-up and due date) take month and day names from AngularJS's
// $locale, which is English; the dateLocales of zh.json reach moment.js only. This AngularJS module,
// registered as a RequireJS module and loaded through requireJsConfig below, gives them Chinese names
// when Tasklist is in Chinese.
const ZH_DATES = 'cxzy-zh-dates';
const zhDates = typeof window.define === 'function' && !!window.define.amd;
if (zhDates) {
  window.define(ZH_DATES, [], () => {
    window.angular.module('cxzy.zhDates', []).run(['$injector', ($injector) => {
      const translate = $injector.has('$translate') ? $injector.get('$translate') : null;
      const language = translate
        && (translate.use() || translate.proposedLanguage() || translate.preferredLanguage());
      if (language !== 'zh') {
        return;
      }
      const months = ['一月', '二月', '三月', '四月', '五月', '六月', '七月', '八月', '九月', '十月', '十一月', '十二月'];
      Object.assign($injector.get('$locale').DATETIME_FORMATS, {
        MONTH: months,
        STANDALONEMONTH: months,
        SHORTMONTH: ['1月', '2月', '3月', '4月', '5月', '6月', '7月', '8月', '9月', '10月', '11月', '12月'],
        DAY: ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'],
        SHORTDAY: ['日', '一', '二', '三', '四', '五', '六'],
        AMPMS: ['上午', '下午'],
        FIRSTDAYOFWEEK: 0
      });
      if ($injector.has('uibDatepickerConfig')) {
        Object.assign($injector.get('uibDatepickerConfig'), {
          formatDayTitle: 'y年M月',
          formatMonthTitle: 'y年',
          startingDay: 1
        });
      }
    }]);
  });
}

export default {
  // change the app name and vendor
  // (browser tab and header brand show: vendor + ' ' + name)
  app: {
    name: '任务',
    vendor: '创先争优活动管理 ·'
  },
  //
  // configure the date format
  // "dateFormat": {
  //   "normal": "LLL",
  //   "long":   "LLLL"
  // },
  //
  // zh is the fallback too, so that a Chinese browser loads zh.json alone. With en as the fallback,
  // en.json is loaded as well, and whichever of the two arrives last sets moment.js's global locale
  // from its dateLocales: relative times ("in 28 minutes", "2 minutes ago") and dates came out in
  // English at random. Every English label has a Chinese value, so nothing falls back to English.
  locales: {
    availableLocales: ['zh', 'en'],
    fallbackLocale: 'zh'
  },
  // customScripts: [
  //   // If you have a folder called 'my-custom-script' (in the 'tasklist' folder)
  //   // with a file called 'customScript.js' in it
  //   // 'my-custom-script/customScript'
  // ],
  requireJsConfig: zhDates ? { deps: [ZH_DATES], ngDeps: ['cxzy.zhDates'] } : undefined,
  // requireJsConfig: {
  //   // AngularJS module names
  //   ngDeps: ['ui.bootstrap'],
  //   // RequireJS configuration for a complete configuration documentation see:
  //   // http://requirejs.org/docs/api.html#config
  //   deps: ['jquery', 'custom-ui'],
  //   paths: {
  //     // if you have a folder called `custom-ui` (in the `scripts` folder)
  //     // with a file called `scripts.js` in it and defining the `custom-ui` AMD module
  //     'custom-ui': 'custom-ui/scripts'
  //   }
  // },
  // csrfCookieName: 'XSRF-TOKEN',
  // disableWelcomeMessage: false,
  // assignProcessInstanceIdToTaskComment: true,

  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: '认领当前选中的任务'
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: '定位到列表中的第一个过滤器'
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: '定位到列表中的第一个任务'
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: '定位到任务表单的第一个输入框'
    },
    startProcess: {
      key: 'ctrl+alt+p',
      description: '打开“发起流程”对话框'
    }
  }
};
