"use strict";
exports.id = 144;
exports.ids = [144];
exports.modules = {

/***/ 4144:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   _default: () => (/* reexport safe */ zod_mini__WEBPACK_IMPORTED_MODULE_2__.Rvf),
/* harmony export */   array: () => (/* reexport safe */ zod_mini__WEBPACK_IMPORTED_MODULE_2__.YOg),
/* harmony export */   "enum": () => (/* reexport safe */ zod_mini__WEBPACK_IMPORTED_MODULE_2__.k5n),
/* harmony export */   minLength: () => (/* reexport safe */ zod_mini__WEBPACK_IMPORTED_MODULE_3__.m9),
/* harmony export */   nullable: () => (/* reexport safe */ zod_mini__WEBPACK_IMPORTED_MODULE_2__.mee),
/* harmony export */   number: () => (/* reexport safe */ zod_mini__WEBPACK_IMPORTED_MODULE_2__.aig),
/* harmony export */   object: () => (/* reexport safe */ zod_mini__WEBPACK_IMPORTED_MODULE_2__.Ikc),
/* harmony export */   optional: () => (/* reexport safe */ zod_mini__WEBPACK_IMPORTED_MODULE_2__.lqM),
/* harmony export */   pipe: () => (/* reexport safe */ zod_mini__WEBPACK_IMPORTED_MODULE_2__.FsL),
/* harmony export */   positive: () => (/* reexport safe */ zod_mini__WEBPACK_IMPORTED_MODULE_3__.NC),
/* harmony export */   record: () => (/* reexport safe */ zod_mini__WEBPACK_IMPORTED_MODULE_2__.g1P),
/* harmony export */   strictObject: () => (/* reexport safe */ zod_mini__WEBPACK_IMPORTED_MODULE_2__.rej),
/* harmony export */   string: () => (/* reexport safe */ zod_mini__WEBPACK_IMPORTED_MODULE_2__.YjP),
/* harmony export */   transform: () => (/* reexport safe */ zod_mini__WEBPACK_IMPORTED_MODULE_2__.pdi),
/* harmony export */   union: () => (/* reexport safe */ zod_mini__WEBPACK_IMPORTED_MODULE_2__.KCZ)
/* harmony export */ });
/* harmony import */ var zod_mini__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(270);
/* harmony import */ var zod_v4_locales_en_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2482);
/* harmony import */ var zod_mini__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4473);
/* harmony import */ var zod_mini__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7792);
// The configured zod namespace, loaded through shared/zod.ts (`loadZod`), never imported directly.
// zod/mini has the same checks behind a smaller, tree-shakable API but ships no messages: the English
// ones are installed here, so a nested schema's error reads the same wherever it is parsed. Only what
// the project uses is re-exported: handing on the whole namespace would keep every locale in a bundle.


(0,zod_mini__WEBPACK_IMPORTED_MODULE_0__/* .config */ .$W)((0,zod_v4_locales_en_js__WEBPACK_IMPORTED_MODULE_1__/* ["default"] */ .A)());



/***/ })

};
;
//# sourceMappingURL=144.index.js.map